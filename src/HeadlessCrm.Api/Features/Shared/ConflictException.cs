namespace HeadlessCrm.Api.Features.Shared;

/// <summary>The request is valid but clashes with the record's current state, or another record's (a 409).</summary>
public sealed class ConflictException(string message, string? field = null) : Exception(message)
{
    /// <summary>The field whose value clashes, named in the problem's errors when known.</summary>
    public string? Field { get; } = field;
}
