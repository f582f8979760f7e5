using System.Linq.Expressions;

namespace HeadlessCrm.Api.Infrastructure.Filtering;

/// <summary>
/// A <see cref="TagsField{T}"/> whose keys are nearly unique (an email address is one contact's), compiled lookup-first:
/// <c>id IN (SELECT id FROM crm_filter_ids('contacts', 'email_keys', '@&gt;', @wanted))</c>. Under row-level security
/// PostgreSQL may not use <c>@&gt;</c> (not leakproof) as the GIN index's condition, so filtered directly one address
/// read the whole workspace; <c>crm_filter_ids</c> (V0020) searches the index below the policies, confined to the
/// workspace, and the query joins the few ids it returns by primary key, keeping tenant, visibility and every other
/// condition. Without a DbContext (filters evaluated in memory) it is the plain containment.
/// </summary>
internal sealed class LookupKeysField<T>(TagsField<T> keys, Expression<Func<T, Guid>> id) : IFilterField<T> where T : class
{
    public string Name => keys.Name;

    public string Describe() => keys.Describe();

    public IReadOnlyCollection<FilterOperator> Operators => keys.Operators;

    public Expression<Func<T, bool>> Build(string? rest, FilterOperator op, FilterValue value, string path, FilterContext context)
    {
        var matches = keys.Build(rest, op, value, path, context);
        var (wanted, any) = keys.Wanted(op, value, path);
        var lookedUp = context.LookedUp(keys.Accessor, any ? "&&" : "@>", wanted);
        if (lookedUp is null) return matches;
        var contains = Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(Guid)], lookedUp.Expression, id.Body);
        return Expression.Lambda<Func<T, bool>>(contains, id.Parameters);
    }
}
