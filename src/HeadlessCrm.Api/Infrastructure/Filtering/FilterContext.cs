using System.Linq.Expressions;
using HeadlessCrm.Api.Features.CustomFields;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Infrastructure.Filtering;

/// <summary>
/// What a filter or sort needs beyond the static schema of a resource: the workspace's custom field types, which give
/// <c>customFields.&lt;key&gt;</c> paths their type, and the request's "now" from the host's clock (what overdue means).
/// </summary>
/// A context may also hold the request's DbContext, whose sets a filter can query as subqueries.
/// <param name="fewIdsCap">See <see cref="DefaultFewIdsCap"/>; <see cref="FewIdsCapSetting"/> changes it (0: never look up).</param>
public sealed class FilterContext(IEnumerable<CustomFieldDefinition> customFields, DateTime now, DbContext? db = null, int fewIdsCap = FilterContext.DefaultFewIdsCap)
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

    /// <summary>
    /// The records of <paramref name="recordType"/> within <paramref name="radiusKm"/> of the centre, found through the
    /// GiST index below row-level security (<c>crm_geo_ids</c>, V0016): <c>id IN (SELECT id FROM crm_geo_matches(…))</c>
    /// (V0027), a set computed once; in a count, where the set's probes cost more than the array's scan, by
    /// <see cref="ByIdArray{TRow}"/>. Null when the caller should test the distance row by row: without a DbContext, or
    /// in a count whose array another condition holds (the rows it yields are few enough to test).
    /// </summary>
    public Expression<Func<TRow, bool>>? WithinRadius<TRow>(Expression<Func<TRow, Guid>> id, string recordType, double latitude, double longitude, double radiusKm)
    {
        if (db is not CrmDbContext crm) return null;
        if (CountingAtTop)
            return TakeCountArray() ? ByIdArray(id, crm.GeoIdArray(recordType, latitude, longitude, radiusKm)) : null;
        var matches = crm.GeoMatches(recordType, latitude, longitude, radiusKm).Select(match => match.Id);
        var contains = Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(Guid)], matches.Expression, id.Body);
        return Expression.Lambda<Func<TRow, bool>>(contains, id.Parameters);
    }

    private bool _counting;
    private int _apart;
    private bool _arrayTaken;

    /// <summary>
    /// Marks the filter as a count's (<c>SELECT count(*)</c>: no order, no page), which changes how a condition below
    /// row-level security is best written (<see cref="CountingAtTop"/>). Called by the reader's count alone.
    /// </summary>
    public FilterContext ForCount()
    {
        _counting = true;
        return this;
    }

    /// <summary>Starts a compilation of the whole tree (<see cref="FilterSchema{T}.CompileAsync"/> may compile it twice).</summary>
    public FilterContext BeginPass()
    {
        _arrayTaken = false;
        return this;
    }

    /// <summary>
    /// Whether this condition may take the count's array: only one does. Two arrays would be two conditions of the
    /// same primary-key column, whose scan (PostgreSQL 15) tries every pair of their elements — a tag on 41,000 contacts
    /// and a radius of 27,000 ran past the 30 s command timeout; the rows one array yields are few, so the other
    /// conditions are tested on each row directly.
    /// </summary>
    private bool TakeCountArray()
    {
        if (_arrayTaken) return false;
        _arrayTaken = true;
        return true;
    }

    /// <summary>
    /// Compiles <paramref name="compile"/> as a part apart from the query's top-level conjunction: under an <c>or</c>
    /// or a <c>not</c>, or through a relation (another table's rows).
    /// </summary>
    public TResult Apart<TResult>(Func<TResult> compile)
    {
        _apart++;
        try { return compile(); }
        finally { _apart--; }
    }

    /// <summary>
    /// A count, and a condition every counted record must meet (the tree's top-level <c>and</c>, not through a
    /// relation): the matches' ids are worth reading as one array, which the count's primary-key scan takes as its
    /// index condition (<see cref="ByIdArray{TRow}"/>). Elsewhere such an array would be tested row by row, each test
    /// a walk of the array, so there the set or the direct test stays.
    /// </summary>
    private bool CountingAtTop => _counting && _apart == 0;

    /// <summary>
    /// <c>crm_id_in(id, (SELECT ids FROM <paramref name="lookup"/> LIMIT 1))</c>, inlined to <c>id = ANY (…)</c>: the lookup runs once, as an init-plan whose
    /// array the planner does not see, so it takes the primary key with the array as its condition — a sorted walk
    /// of the matches' index entries and rows (measured on 1M contacts: 195 ms for a tag on 42,000 where the set's
    /// probes took 310 ms and the direct test's scan 590 ms). Tenant, visibility and archived state stay in the query.
    /// </summary>
    private static Expression<Func<TRow, bool>> ByIdArray<TRow>(Expression<Func<TRow, Guid>> id, IQueryable<FilterMatchIds> lookup)
    {
        var ids = lookup.Select(row => row.Ids);
        var array = Expression.Call(typeof(Queryable), nameof(Queryable.First), [typeof(Guid[])], ids.Expression);
        var idIn = Expression.Call(typeof(FilterMatchIds).GetMethod(nameof(FilterMatchIds.IdIn))!, id.Body, array);
        return Expression.Lambda<Func<TRow, bool>>(idIn, id.Parameters);
    }

    /// <summary>
    /// Above this many matches a tag or multi-select value is common and filtered directly; at or below it, by the ids
    /// <c>crm_filter_few_ids</c> (V0025) found. Measured on 1M contacts: a tag on 1,000 contacts took 50 ms directly (the
    /// list walks its ordering index past ~26,000 rows for a page) and 30 ms by its ids; rarer tags cost more directly
    /// (3.6 s for 10 matches), commoner ones less (5 ms for 10,000), while the lookup itself grows with the matches
    /// (the GIN bitmap of all of them: 25–60 ms for a tag on 4 %).
    /// </summary>
    public const int DefaultFewIdsCap = 1000;

    public const string FewIdsCapSetting = "Crm:Filtering:FewIdsCap";

    /// <summary>The tables and columns <c>crm_filter_few_ids</c> accepts (those with a GIN index to search).</summary>
    private static readonly HashSet<(string Table, string Column)> FewIdsColumns =
    [
        ("contacts", "tags"), ("companies", "tags"), ("deals", "tags"),
        ("contacts", "custom_fields"), ("companies", "custom_fields"), ("deals", "custom_fields"), ("activities", "custom_fields"),
    ];

    private readonly Dictionary<FewIds, Guid[]?> _fewIds = [];
    private readonly HashSet<FewIds> _pendingFewIds = [];

    /// <summary>
    /// A tag or multi-select condition (<paramref name="direct"/>: <paramref name="column"/> <paramref name="op"/>
    /// <paramref name="operands"/>) under row-level security, which hides the column's GIN index from the application
    /// role. Once the value's matches are counted (<see cref="LookUpPendingAsync"/>): when few, <c>id = ANY (their ids)</c>
    /// — the same rows, found through the index by <c>crm_filter_few_ids</c>, with tenant, visibility and archived
    /// state still applied by the query; when common, or not counted yet, or without a DbContext, the direct condition.
    /// A count's top-level condition, for a caller who sees others' records, skips the counting and reads the array of
    /// all the value's matches (<see cref="ByIdArray{TRow}"/>): cheaper than the direct test's scan of the workspace up to
    /// about a fifth of it (measured on 1M contacts: 200 against 590 ms at 4 %, 830 against 706 ms at 23 %); when
    /// another condition holds the count's array (a rep's few ids included), the direct test, on the rows that array yields.
    /// </summary>
    public Expression<Func<TRow, bool>> FewOrDirect<TRow>(Expression<Func<TRow, bool>> direct, LambdaExpression column, string op, string[] operands)
    {
        if (fewIdsCap <= 0 || db is not CrmDbContext crm || crm.Model.FindEntityType(typeof(TRow)) is not { } entity) return direct;
        var table = entity.GetTableName()!;
        var columnName = entity.FindProperty(((MemberExpression)column.Body).Member.Name)!.GetColumnName();
        if (!FewIdsColumns.Contains((table, columnName))) return direct;
        var id = Expression.Lambda<Func<TRow, Guid>>(Expression.Property(direct.Parameters[0], "Id"), direct.Parameters); // the tables' record id
        if (CountingAtTop && SeesOthersRecords(crm.Caller))
            return TakeCountArray() ? ByIdArray(id, crm.FilterIdArray(table, columnName, op, operands)) : direct;
        var lookup = new FewIds(table, columnName, op, string.Join('\u001f', operands), operands);
        if (!_fewIds.TryGetValue(lookup, out var ids))
        {
            _pendingFewIds.Add(lookup);
            return direct;
        }
        if (ids is null || (CountingAtTop && !TakeCountArray())) return direct; // few ids are an array of the primary key too
        var found = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)], QueryParameter.Of(ids), id.Body);
        return Expression.Lambda<Func<TRow, bool>>(found, direct.Parameters);
    }

    /// <summary>
    /// Whether the caller sees more than their own records. A rep's count of a tag is cheapest directly: the owner index
    /// narrows it to the rep's records first (measured: 56–100 ms for a tag on 4 % of 1M contacts, 60 ms for one on
    /// 23 %, against 200 ms and 1.1 s by the workspace's array of matches).
    /// </summary>
    private static bool SeesOthersRecords(RequestContext caller) => caller.SeesWholeWorkspace || caller.VisibleTeamId is not null;

    /// <summary>
    /// Counts, one statement each, the values <see cref="FewOrDirect{TRow}"/> met since the last call (up to
    /// the cap + 1 ids); false when there were none, so the filter compiled is already final.
    /// </summary>
    public async Task<bool> LookUpPendingAsync(CancellationToken ct)
    {
        if (_pendingFewIds.Count == 0 || db is not CrmDbContext crm) return false;
        foreach (var lookup in _pendingFewIds)
        {
            var ids = await crm.FewFilterIdsAsync(lookup.Table, lookup.Column, lookup.Op, lookup.Operands, fewIdsCap, ct);
            _fewIds[lookup] = ids.Length > fewIdsCap ? null : ids;
        }
        _pendingFewIds.Clear();
        return true;
    }

    /// <summary>One value to count; equal when table, column, operator and operands (joined in <c>Key</c>) are.</summary>
    private sealed record FewIds(string Table, string Column, string Op, string Key, string[] Operands)
    {
        public bool Equals(FewIds? other) => other is not null && (Table, Column, Op, Key) == (other.Table, other.Column, other.Op, other.Key);

        public override int GetHashCode() => HashCode.Combine(Table, Column, Op, Key);
    }

    /// <summary>Whether the filter will run in a query of this request's DbContext (else it may run in memory).</summary>
    public bool InDatabase => db is not null;

    public IEnumerable<string> CustomFieldKeys(string objectName) =>
        _types.Keys.Where(k => k.Object == objectName).Select(k => k.Key).Order(StringComparer.Ordinal);
}
