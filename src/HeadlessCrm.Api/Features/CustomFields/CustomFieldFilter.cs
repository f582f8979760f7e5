using System.Linq.Expressions;
using System.Text.Json.Nodes;
using HeadlessCrm.Api.Infrastructure.Filtering;
using HeadlessCrm.Api.Infrastructure.Paging;

namespace HeadlessCrm.Api.Features.CustomFields;

/// <summary>
/// <c>customFields.&lt;key&gt;</c>: a condition on one custom field, typed by the workspace's definition of it (a number
/// compares as a number, a date as a date). Unknown keys are refused, naming the keys there are.
/// </summary>
internal sealed class CustomFieldFilter<T>(string objectName, Expression<Func<T, JsonObject>> fields) : IFilterField<T>
{
    public string Name => CustomFieldColumns.Prefix;

    public string Describe() => $"custom fields of {objectName}: {CustomFieldColumns.Prefix}.<key>, typed by the field's definition";

    public IReadOnlyCollection<FilterOperator> Operators => [];

    public Expression<Func<T, bool>> Build(string? rest, FilterOperator op, FilterValue value, string path, FilterContext context)
    {
        if (rest is null) throw new InvalidQueryException(path, $"Filter on one custom field, like '{CustomFieldColumns.Prefix}.<key>'.");
        var type = context.CustomFieldType(objectName, rest) ?? throw new InvalidQueryException(path,
            $"No custom field '{rest}' on {objectName}; the fields are: {string.Join(", ", context.CustomFieldKeys(objectName).DefaultIfEmpty("(none)"))}.");
        return CustomFieldColumns.Filter(fields, rest, type).Build(null, op, value, path, context);
    }
}
