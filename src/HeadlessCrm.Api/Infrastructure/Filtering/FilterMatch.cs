namespace HeadlessCrm.Api.Infrastructure.Filtering;

/// <summary>A row of <c>crm_filter_ids</c> (V0020): the id of a record a lookup found.</summary>
public sealed class FilterMatch
{
    public Guid Id { get; init; }
}
