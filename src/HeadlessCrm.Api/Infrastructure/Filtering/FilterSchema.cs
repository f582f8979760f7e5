using System.Linq.Expressions;
using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.CustomFields;
using HeadlessCrm.Api.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore.Query;

namespace HeadlessCrm.Api.Infrastructure.Filtering;

/// <summary>
/// The fields of a resource one can filter on, and the compiler from a <see cref="FilterNode"/> tree to an expression
/// EF translates to SQL. Declared once per resource; every transport filters through it.
/// </summary>
public sealed class FilterSchema<T>
{
    private readonly Dictionary<string, IFilterField<T>> _fields = new(StringComparer.Ordinal);

    public IEnumerable<IFilterField<T>> Fields => _fields.Values;

    public FilterSchema<T> Field<TValue>(string name, Expression<Func<T, TValue>> accessor) =>
        Add(new ScalarField<T, TValue>(name, accessor));

    /// <summary>A text[] column; <paramref name="normalise"/> turns a wanted value into the stored key (default: trimmed, lower case).</summary>
    public FilterSchema<T> Tags(string name, Expression<Func<T, string[]>> accessor, Func<string, string>? normalise = null) =>
        Add(new TagsField<T>(name, accessor, normalise ?? (t => t.Trim().ToLowerInvariant())));

    /// <summary>A geo point (two nullable coordinate columns), filtered with <c>within</c> a radius of a centre.</summary>
    /// <param name="recordType">The table, for <c>crm_geo_ids</c>: contacts or companies.</param>
    public FilterSchema<T> GeoPoint(string name, string recordType, Expression<Func<T, Guid>> id,
        Expression<Func<T, double?>> latitude, Expression<Func<T, double?>> longitude) =>
        Add(new GeoRadiusField<T>(name, recordType, id, latitude, longitude));

    public FilterSchema<T> Flag(string name, Func<FilterContext, Expression<Func<T, bool>>> predicate) => Add(new FlagField<T>(name, predicate));

    public FilterSchema<T> One<TOther>(string name, Expression<Func<T, TOther?>> target, Func<FilterSchema<TOther>> schema)
        where TOther : class => Add(new RelationField<T, TOther>(name, target, many: false, schema));

    public FilterSchema<T> Many<TOther>(string name, Expression<Func<T, IEnumerable<TOther>>> target, Func<FilterSchema<TOther>> schema) =>
        Add(new RelationField<T, TOther>(name, target, many: true, schema));

    /// <summary>The resource's custom fields (values in a jsonb column), filtered as <c>customFields.&lt;key&gt;</c>.</summary>
    public FilterSchema<T> CustomFields(string objectName, Expression<Func<T, JsonObject>> accessor) =>
        Add(new CustomFieldFilter<T>(objectName, accessor));

    public Expression<Func<T, bool>> Compile(FilterNode node) => Compile(node, FilterContext.Empty);

    public Expression<Func<T, bool>> Compile(FilterNode node, FilterContext context) => node switch
    {
        AndFilter and => Combine(and.Items, context, Expression.AndAlso),
        OrFilter or => context.Apart(() => Combine(or.Items, context, Expression.OrElse)),
        NotFilter not => Negate(context.Apart(() => Compile(not.Item, context))),
        Condition c => Condition(c.Field, c.Op, c.Value, c.Path, context),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    /// <summary>
    /// Compiles for a query of the request's DbContext: a first pass meets the tag and multi-select values to count
    /// (<see cref="FilterContext.FewOrDirect{TRow}"/>); if there were any, they are counted (one statement each) and the
    /// tree is compiled again with their few ids or direct conditions, wherever they sit in the tree.
    /// </summary>
    public async Task<Expression<Func<T, bool>>> CompileAsync(FilterNode node, FilterContext context, CancellationToken ct)
    {
        var compiled = Compile(node, context.BeginPass());
        return await context.LookUpPendingAsync(ct) ? Compile(node, context.BeginPass()) : compiled;
    }

    /// <summary>One condition on a (possibly dotted) field path.</summary>
    public Expression<Func<T, bool>> Condition(string field, FilterOperator op, FilterValue value, string path, FilterContext context)
    {
        var dot = field.IndexOf('.');
        var head = dot < 0 ? field : field[..dot];
        var rest = dot < 0 ? null : field[(dot + 1)..];
        if (!_fields.TryGetValue(head, out var definition))
            throw new InvalidQueryException(path, $"Cannot filter on '{head}'; filter on one of: {string.Join(", ", _fields.Keys)}.");
        return definition.Build(rest, op, value, path, context);
    }

    internal FilterSchema<T> Add(IFilterField<T> field)
    {
        _fields.Add(field.Name, field);
        return this;
    }

    private Expression<Func<T, bool>> Combine(IReadOnlyList<FilterNode> items, FilterContext context, Func<Expression, Expression, BinaryExpression> join)
    {
        var compiled = items.Select(item => Compile(item, context)).ToList();
        var parameter = compiled[0].Parameters[0];
        var body = compiled.Skip(1).Aggregate(compiled[0].Body,
            (acc, next) => join(acc, ReplacingExpressionVisitor.Replace(next.Parameters[0], parameter, next.Body)));
        return Expression.Lambda<Func<T, bool>>(body, parameter);
    }

    private static Expression<Func<T, bool>> Negate(Expression<Func<T, bool>> filter) =>
        Expression.Lambda<Func<T, bool>>(Expression.Not(filter.Body), filter.Parameters);
}
