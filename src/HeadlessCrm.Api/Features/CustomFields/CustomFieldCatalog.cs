using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Infrastructure.Data;
using HeadlessCrm.Api.Infrastructure.Filtering;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.CustomFields;

/// <summary>
/// The workspace's live custom field definitions when a write, filter or sort needs them: from the host's
/// <see cref="CustomFieldDefinitionCache"/>, or read once per request and offered to it.
/// </summary>
public sealed class CustomFieldCatalog(CrmDbContext db, CustomFieldDefinitionCache cache, TimeProvider clock, IConfiguration configuration)
{
    private IReadOnlyList<CustomFieldDefinition>? _live;
    private Guid _liveWorkspace;

    public async Task<IReadOnlyList<CustomFieldDefinition>> LiveAsync(CancellationToken ct)
    {
        var workspaceId = db.Caller.WorkspaceId;
        if (_live is not null && _liveWorkspace == workspaceId) return _live;
        if (!cache.TryGet(workspaceId, out var live))
        {
            var generation = cache.Generation;
            live = await db.Set<CustomFieldDefinition>().AsNoTracking().Where(d => d.ArchivedAt == null).ToListAsync(ct);
            cache.Keep(workspaceId, generation, live);
        }
        (_live, _liveWorkspace) = (live, workspaceId);
        return live;
    }

    public async Task<IReadOnlyList<CustomFieldDefinition>> OfAsync(string objectName, CancellationToken ct) =>
        (await LiveAsync(ct)).Where(d => d.Object == objectName).ToList();

    /// <summary>
    /// The filter context of a list request: the host clock's now, and custom field types only when the request names
    /// a custom field, and the DbContext for filters that look up first.
    /// </summary>
    public async Task<FilterContext> FilterContextAsync(ListRequest request, CancellationToken ct) => new(
        Mentions(request.Filter) || request.Sort?.Contains(CustomFieldColumns.Prefix, StringComparison.Ordinal) == true ? await LiveAsync(ct) : [],
        clock.GetUtcNow().UtcDateTime, db, configuration.GetValue(FilterContext.FewIdsCapSetting, FilterContext.DefaultFewIdsCap));

    /// <summary>Forgets what was read, here and in the host's cache, after definitions changed in this request.</summary>
    public void Reset()
    {
        _live = null;
        cache.Forget(db.Caller.WorkspaceId);
    }

    private static bool Mentions(FilterNode? node) => node switch
    {
        AndFilter and => and.Items.Any(Mentions),
        OrFilter or => or.Items.Any(Mentions),
        NotFilter not => Mentions(not.Item),
        Condition c => c.Field.Contains(CustomFieldColumns.Prefix, StringComparison.Ordinal),
        _ => false,
    };
}
