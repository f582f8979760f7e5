namespace HeadlessCrm.Api.Infrastructure.Filtering;

/// <summary>The one row of <c>crm_filter_id_array</c> or <c>crm_geo_id_array</c> (V0028): the ids of every record a lookup found.</summary>
public sealed class FilterMatchIds
{
    public Guid[] Ids { get; init; } = [];

    /// <summary>
    /// <c>crm_id_in(id, ids)</c> (V0028), an inlined <c>id = ANY (ids)</c>: EF reads <c>Contains</c> over an array from a
    /// subquery as a query of its elements, while this keeps the subquery whole — an init-plan whose array the primary
    /// key's scan takes as its condition.
    /// </summary>
    public static bool IdIn(Guid id, Guid[] ids) => ids.Contains(id);
}
