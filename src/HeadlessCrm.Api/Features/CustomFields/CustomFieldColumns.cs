using System.Linq.Expressions;
using System.Text.Json.Nodes;
using HeadlessCrm.Api.Infrastructure.Filtering;
using HeadlessCrm.Api.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore.Query;

namespace HeadlessCrm.Api.Features.CustomFields;

/// <summary>
/// One custom field of a record seen as a typed column (<c>e =&gt; crm_cf_number(e.custom_fields, 'seats')</c>), from
/// which the ordinary scalar filters and keyset sorts are built.
/// </summary>
public static class CustomFieldColumns
{
    public const string Prefix = "customFields";

    /// <summary>The field of a scalar type as a filterable field; multi selects are filtered by <see cref="MultiSelectFilter{T}"/>.</summary>
    public static IFilterField<T> Filter<T>(Expression<Func<T, JsonObject>> fields, string key, CustomFieldType type) => type switch
    {
        CustomFieldType.Number or CustomFieldType.Decimal => new ScalarField<T, decimal?>(key, Read(fields, key, (f, k) => CustomFieldSql.Number(f, k))),
        CustomFieldType.Boolean => new ScalarField<T, bool?>(key, Read(fields, key, (f, k) => CustomFieldSql.Boolean(f, k))),
        CustomFieldType.Date => new ScalarField<T, DateOnly?>(key, Read(fields, key, (f, k) => CustomFieldSql.Date(f, k))),
        CustomFieldType.Datetime => new ScalarField<T, DateTime?>(key, Read(fields, key, (f, k) => CustomFieldSql.Datetime(f, k))),
        CustomFieldType.MultiSelect => new MultiSelectFilter<T>(key, fields),
        _ => new ScalarField<T, string?>(key, Read(fields, key, (f, k) => CustomFieldSql.Text(f, k))),
    };

    /// <summary>A keyset sort on the field; records without a value sort last going up (as PostgreSQL sorts nulls).</summary>
    public static ISortKey<T> Sort<T>(string name, Expression<Func<T, JsonObject>> fields, string key, CustomFieldType type) where T : class => type switch
    {
        CustomFieldType.Number or CustomFieldType.Decimal => new SortKey<T, decimal?>(name, Read(fields, key, (f, k) => CustomFieldSql.Number(f, k)), nullable: true),
        CustomFieldType.Boolean => new SortKey<T, bool?>(name, Read(fields, key, (f, k) => CustomFieldSql.Boolean(f, k)), nullable: true),
        CustomFieldType.Date => new SortKey<T, DateOnly?>(name, Read(fields, key, (f, k) => CustomFieldSql.Date(f, k)), nullable: true),
        CustomFieldType.Datetime => new SortKey<T, DateTime?>(name, Read(fields, key, (f, k) => CustomFieldSql.Datetime(f, k)), nullable: true),
        CustomFieldType.MultiSelect => throw new InvalidQueryException("sort", $"Cannot sort by the multi-select field '{key}'."),
        _ => new SortKey<T, string?>(name, Read(fields, key, (f, k) => CustomFieldSql.Text(f, k)), nullable: true),
    };

    private static Expression<Func<T, TValue>> Read<T, TValue>(
        Expression<Func<T, JsonObject>> fields, string key, Expression<Func<JsonObject, string, TValue>> read)
    {
        var body = ReplacingExpressionVisitor.Replace(read.Parameters[0], fields.Body, read.Body);
        body = ReplacingExpressionVisitor.Replace(read.Parameters[1], Expression.Constant(key), body);
        return Expression.Lambda<Func<T, TValue>>(body, fields.Parameters);
    }
}
