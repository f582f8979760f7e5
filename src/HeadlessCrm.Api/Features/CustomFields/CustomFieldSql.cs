using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.CustomFields;

/// <summary>
/// The SQL functions of migration V0010 that read one custom field value typed (null when absent or of another JSON
/// type), as EF functions filters and sorts can call. They run only inside queries.
/// </summary>
public static class CustomFieldSql
{
    /// <summary><c>fields @&gt; document</c>: served by the records' GIN index on custom_fields.</summary>
    public static bool Contains(JsonObject fields, string document) => throw InDatabaseOnly();

    public static string? Text(JsonObject fields, string key) => throw InDatabaseOnly();

    public static decimal? Number(JsonObject fields, string key) => throw InDatabaseOnly();

    public static bool? Boolean(JsonObject fields, string key) => throw InDatabaseOnly();

    public static DateOnly? Date(JsonObject fields, string key) => throw InDatabaseOnly();

    public static DateTime? Datetime(JsonObject fields, string key) => throw InDatabaseOnly();

    public static void Register(ModelBuilder model)
    {
        Map(model, nameof(Contains), "crm_cf_contains");
        Map(model, nameof(Text), "crm_cf_text");
        Map(model, nameof(Number), "crm_cf_number");
        Map(model, nameof(Boolean), "crm_cf_boolean");
        Map(model, nameof(Date), "crm_cf_date");
        Map(model, nameof(Datetime), "crm_cf_datetime");
    }

    private static void Map(ModelBuilder model, string method, string function)
    {
        var mapping = model.HasDbFunction(typeof(CustomFieldSql).GetMethod(method)!).HasName(function);
        mapping.HasParameter("fields").HasStoreType("jsonb");
    }

    private static InvalidOperationException InDatabaseOnly() => new("Custom field functions run only inside a database query.");
}
