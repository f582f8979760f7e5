using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Infrastructure.Data;
using HeadlessCrm.Api.Infrastructure.Filtering;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.CustomFields;

/// <summary>The workspace's live custom field definitions, read once per request when a write, filter or sort needs them.</summary>
public sealed class CustomFieldCatalog(CrmDbContext db, TimeProvider clock)
{
    private IReadOnlyList<CustomFieldDefinition>? _live;

    public async Task<IReadOnlyList<CustomFieldDefinition>> LiveAsync(CancellationToken ct) =>
        _live ??= await db.Set<CustomFieldDefinition>().AsNoTracking().Where(d => d.ArchivedAt == null).ToListAsync(ct);

    public async Task<IReadOnlyList<CustomFieldDefinition>> OfAsync(string objectName, CancellationToken ct) =>
        (await LiveAsync(ct)).Where(d => d.Object == objectName).ToList();

    /// <summary>
    /// The filter context of a list request: the host clock's now, and custom field types only when the request names
    /// a custom field, and the DbContext for filters that look up first.
    /// </summary>
    public async Task<FilterContext> FilterContextAsync(ListRequest request, CancellationToken ct) => new(
        Mentions(request.Filter) || request.Sort?.Contains(CustomFieldColumns.Prefix, StringComparison.Ordinal) == true ? await LiveAsync(ct) : [],
        clock.GetUtcNow().UtcDateTime, db);

    /// <summary>Forgets what was read, after definitions changed in this request.</summary>
    public void Reset() => _live = null;

    private static bool Mentions(FilterNode? node) => node switch
    {
        AndFilter and => and.Items.Any(Mentions),
        OrFilter or => or.Items.Any(Mentions),
        NotFilter not => Mentions(not.Item),
        Condition c => c.Field.Contains(CustomFieldColumns.Prefix, StringComparison.Ordinal),
        _ => false,
    };
}
