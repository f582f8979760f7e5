namespace HeadlessCrm.Api.Infrastructure.Paging;

/// <summary>A list or search request that cannot be run as asked (unknown field, bad operator, tampered cursor): 400.</summary>
public sealed class InvalidQueryException(string field, string message) : Exception($"{field}: {message}")
{
    public string Field { get; } = field;
    public string Reason { get; } = message;
}
