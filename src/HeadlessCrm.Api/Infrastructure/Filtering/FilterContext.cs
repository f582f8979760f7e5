using HeadlessCrm.Api.Features.CustomFields;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Infrastructure.Filtering;

/// <summary>
/// What a filter or sort needs beyond the static schema of a resource: the workspace's custom field types, which give
/// <c>customFields.&lt;key&gt;</c> paths their type, and the request's "now" from the host's clock (what overdue means).
/// </summary>
/// A context may also hold the request's DbContext, whose sets a filter can query as subqueries.
public sealed class FilterContext(IEnumerable<CustomFieldDefinition> customFields, DateTime now, DbContext? db = null)
{
    /// <summary>No custom fields, and the system clock's now: for filters that mention neither.</summary>
    public static FilterContext Empty => new([], DateTime.UtcNow);

    public DateTime Now { get; } = now;

    private readonly Dictionary<(string Object, string Key), CustomFieldType> _types =
        customFields.ToDictionary(d => (d.Object, d.Key), d => d.Type);

    public CustomFieldType? CustomFieldType(string objectName, string key) =>
        _types.TryGetValue((objectName, key), out var type) ? type : null;

    /// <summary>The rows of <typeparamref name="TRow"/> as this request sees them (tenant and visibility filters on); null without a DbContext.</summary>
    public IQueryable<TRow>? Rows<TRow>() where TRow : class => db?.Set<TRow>().AsNoTracking();

    /// <summary>Whether the filter will run in a query of this request's DbContext (else it may run in memory).</summary>
    public bool InDatabase => db is not null;

    public IEnumerable<string> CustomFieldKeys(string objectName) =>
        _types.Keys.Where(k => k.Object == objectName).Select(k => k.Key).Order(StringComparer.Ordinal);
}
