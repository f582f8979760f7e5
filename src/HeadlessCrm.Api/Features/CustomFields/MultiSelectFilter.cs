using System.Linq.Expressions;
using System.Text.Json.Nodes;
using HeadlessCrm.Api.Infrastructure.Filtering;
using HeadlessCrm.Api.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore.Query;

namespace HeadlessCrm.Api.Features.CustomFields;

/// <summary>
/// A multi-select custom field: has an option (<c>contains</c>), any of some, all of some. Each test is a jsonb
/// containment (<c>custom_fields @&gt; '{"key": ["a"]}'</c>), which the records' GIN index serves.
/// </summary>
internal sealed class MultiSelectFilter<T>(string key, Expression<Func<T, JsonObject>> fields) : IFilterField<T>
{
    public string Name => key;

    public string Describe() => "options (contains, containsAny, containsAll)";

    public IReadOnlyCollection<FilterOperator> Operators { get; } = [FilterOperator.Contains, FilterOperator.ContainsAny, FilterOperator.ContainsAll];

    public Expression<Func<T, bool>> Build(string? rest, FilterOperator op, FilterValue value, string path, FilterContext context)
    {
        // The documents a record must contain one of: all the options in one, or each option in its own.
        string[] documents = op switch
        {
            FilterOperator.Contains or FilterOperator.Eq => [Document([FilterValues.Scalar<string>(value, path)])],
            FilterOperator.ContainsAll => [Document(FilterValues.List<string>(value, path))],
            FilterOperator.ContainsAny or FilterOperator.In => FilterValues.List<string>(value, path).Select(option => Document([option])).ToArray(),
            _ => throw new InvalidQueryException(path, $"'{key}' supports contains, containsAny and containsAll."),
        };
        if (documents.Length == 0) throw new InvalidQueryException(path, $"'{key}' {op.ToString().ToLowerInvariant()} needs at least one option.");
        var direct = Expression.Lambda<Func<T, bool>>(documents.Select(Has).Aggregate(Expression.OrElse), fields.Parameters);
        return context.FewOrDirect(direct, fields, "@>", documents);
    }

    private string Document(IReadOnlyList<string> options) =>
        new JsonObject { [key] = new JsonArray(options.Select(o => (JsonNode)JsonValue.Create(o)).ToArray()) }.ToJsonString();

    private Expression Has(string document)
    {
        Expression<Func<JsonObject, string, bool>> contains = (f, d) => CustomFieldSql.Contains(f, d);
        var body = ReplacingExpressionVisitor.Replace(contains.Parameters[0], fields.Body, contains.Body);
        return ReplacingExpressionVisitor.Replace(contains.Parameters[1], QueryParameter.Of(document), body);
    }
}
