using System.Linq.Expressions;
using HeadlessCrm.Api.Features.CustomFields;
using HeadlessCrm.Api.Infrastructure.Data;
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

    /// <summary>
    /// The ids of the workspace's rows of <typeparamref name="TRow"/> whose text[] <paramref name="column"/> holds all
    /// (<c>@&gt;</c>) or any (<c>&amp;&amp;</c>) of <paramref name="keys"/>, found through the column's GIN index below
    /// row-level security (<c>crm_filter_ids</c>, V0020) — a subquery to test a row's id against. Null without a DbContext.
    /// </summary>
    public IQueryable<Guid>? LookedUp<TRow>(Expression<Func<TRow, string[]>> column, string op, string[] keys) where TRow : class
    {
        if (db is not CrmDbContext crm) return null;
        var entity = crm.Model.FindEntityType(typeof(TRow))!;
        var property = entity.FindProperty(((MemberExpression)column.Body).Member.Name)!;
        return crm.FilterIds(entity.GetTableName()!, property.GetColumnName(), op, keys).Select(match => match.Id);
    }

    /// <summary>Whether the filter will run in a query of this request's DbContext (else it may run in memory).</summary>
    public bool InDatabase => db is not null;

    public IEnumerable<string> CustomFieldKeys(string objectName) =>
        _types.Keys.Where(k => k.Object == objectName).Select(k => k.Key).Order(StringComparer.Ordinal);
}
