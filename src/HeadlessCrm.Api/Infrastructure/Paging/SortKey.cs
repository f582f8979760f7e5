using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Filtering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace HeadlessCrm.Api.Infrastructure.Paging;

/// <summary>A field a list can be sorted by, paged by keyset on (field, id) — never OFFSET.</summary>
public interface ISortKey<T> where T : class
{
    string Name { get; }

    Task<Page<TDto>> PageAsync<TDto>(
        IQueryable<T> query, Expression<Func<T, TDto>> projection, bool descending, Cursor? after, int limit, CancellationToken ct);
}

/// <summary>
/// Pages on an indexed (workspace_id, field, id) with a row-value comparison, so page 400 costs what page 1 costs.
/// A nullable field sorts its nulls last going up and first going down, as PostgreSQL does.
/// </summary>
public sealed class SortKey<T, TKey>(string name, Expression<Func<T, TKey>> key, bool nullable = false) : ISortKey<T>
    where T : class
{
    /// <summary>e => e.Id: every paged type has a Guid id that breaks ties.</summary>
    private static readonly Expression<Func<T, Guid>> IdOf = IdAccessor();

    private static Expression<Func<T, Guid>> IdAccessor()
    {
        var e = Expression.Parameter(typeof(T), "e");
        return Expression.Lambda<Func<T, Guid>>(Expression.Property(e, nameof(TenantEntity.Id)), e);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => name;

    /// <summary>The sorted field, for queries that order by it themselves (a related list ranked per owner).</summary>
    public Expression<Func<T, TKey>> Key => key;

    public async Task<Page<TDto>> PageAsync<TDto>(
        IQueryable<T> query, Expression<Func<T, TDto>> projection, bool descending, Cursor? after, int limit, CancellationToken ct)
    {
        if (after is not null) query = query.Where(After(after, descending));
        var ordered = descending
            ? query.OrderByDescending(key).ThenByDescending(IdOf)
            : query.OrderBy(key).ThenBy(IdOf);

        var rows = await ordered.Take(limit + 1).Select(Keyed(projection)).ToListAsync(ct);
        var more = rows.Count > limit;
        if (more) rows.RemoveAt(limit);
        var cursors = rows.Select(r => new Cursor(name, JsonSerializer.SerializeToNode(r.Key, Json), r.Id)).ToList();
        return new Page<TDto>(rows.Select(r => r.Item).ToList(), more ? cursors[^1].Encode() : null) { ItemCursors = cursors };
    }

    public sealed record Row<TDto>(TDto Item, TKey Key, Guid Id);

    /// <summary>e => new Row(projection(e), key(e), e.Id): the page item together with what the next cursor needs.</summary>
    private Expression<Func<T, Row<TDto>>> Keyed<TDto>(Expression<Func<T, TDto>> projection)
    {
        var e = projection.Parameters[0];
        var keyBody = ReplacingExpressionVisitor.Replace(key.Parameters[0], e, key.Body);
        var ctor = typeof(Row<TDto>).GetConstructors()[0];
        return Expression.Lambda<Func<T, Row<TDto>>>(
            Expression.New(ctor, projection.Body, keyBody, Expression.Property(e, nameof(TenantEntity.Id))), e);
    }

    /// <summary>The rows beyond <paramref name="cursor"/> in this sort; refuses a cursor of another sort.</summary>
    public Expression<Func<T, bool>> After(Cursor cursor, bool descending)
    {
        if (cursor.Sort != name)
            throw new InvalidQueryException("cursor", $"The cursor was made for sort '{cursor.Sort}', not '{name}'.");
        TKey? value;
        try
        {
            value = cursor.Value is null ? default : cursor.Value.Deserialize<TKey>(Json);
        }
        catch (JsonException)
        {
            throw new InvalidQueryException("cursor", "The cursor is not valid; use nextCursor exactly as a list returned it.");
        }

        var e = key.Parameters[0];
        var column = key.Body;
        var id = Expression.Property(e, nameof(TenantEntity.Id));
        var lastValue = QueryParameter.Of(value);
        var lastId = QueryParameter.Of(cursor.Id);
        Expression IsNull() => Expression.Equal(column, Expression.Constant(null, typeof(TKey)));

        Expression predicate;
        if (value is null)
        {
            if (!nullable) throw new InvalidQueryException("cursor", "The cursor is not valid; use nextCursor exactly as a list returned it.");
            // Inside the run of nulls: nulls come last going up, first going down.
            var idBeyond = descending ? Expression.LessThan(Compare(id, lastId), Zero) : Expression.GreaterThan(Compare(id, lastId), Zero);
            predicate = descending
                ? Expression.OrElse(Expression.AndAlso(IsNull(), idBeyond), Expression.Not(IsNull()))
                : Expression.AndAlso(IsNull(), idBeyond);
        }
        else
        {
            predicate = RowCompare(descending ? "LessThan" : "GreaterThan", column, id, lastValue, lastId);
            if (nullable && !descending) predicate = Expression.OrElse(predicate, IsNull());
        }
        return Expression.Lambda<Func<T, bool>>(predicate, e);
    }

    private static readonly Expression Zero = Expression.Constant(0);

    private static Expression Compare(Expression left, Expression right) =>
        Expression.Call(left, typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!, right);

    /// <summary>(column, id) &gt; (@value, @id): a PostgreSQL row comparison that walks the index from the cursor on.</summary>
    private static Expression RowCompare(string op, Expression column, Expression id, Expression value, Expression lastId)
    {
        var tuple = typeof(ValueTuple<TKey, Guid>).GetConstructor([typeof(TKey), typeof(Guid)])!;
        var method = typeof(NpgsqlDbFunctionsExtensions).GetMethod(op, [typeof(DbFunctions), typeof(ITuple), typeof(ITuple)])!;
        return Expression.Call(method,
            Expression.Constant(EF.Functions),
            Expression.Convert(Expression.New(tuple, column, id), typeof(ITuple)),
            Expression.Convert(Expression.New(tuple, value, lastId), typeof(ITuple)));
    }
}
