using System.Linq.Expressions;
using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace HeadlessCrm.Api.Features.CustomFields;

/// <summary>
/// Keeps unique custom field values unique within a record type of a workspace. Inside the write's transaction it
/// takes a transaction-scoped advisory lock on (workspace, object, key, value) and then looks for another record —
/// visible to the caller or not, archived or not — holding the value (a containment test the GIN index serves).
/// Two writers of the same value queue on the lock, so the second sees the first's committed row.
/// </summary>
public sealed class UniqueCustomFields(CrmDbContext db)
{
    public async Task EnsureAsync<TEntity>(string objectName, Guid recordId, CustomFieldValues.Checked values, CancellationToken ct)
        where TEntity : CrmRecord
    {
        foreach (var (key, value) in values.UniqueValues)
        {
            var document = new JsonObject { [key] = value.DeepClone() }.ToJsonString();
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"SELECT pg_advisory_xact_lock(hashtextextended({db.Caller.WorkspaceId.ToString("D") + "/" + objectName + "/" + document}, 0))", ct);
            var taken = await db.Set<TEntity>().IgnoreQueryFilters([CrmDbContext.VisibilityFilter])
                .Where(e => e.Id != recordId).AnyAsync(Holds<TEntity>(key, value), ct);
            if (taken)
                throw new ConflictException($"Another record of {objectName} already has this {key}.", $"{CustomFieldColumns.Prefix}.{key}");
        }
    }

    /// <summary>e =&gt; crm_cf_contains(e.custom_fields, '{"key": value}'): the record holds the value (GIN-indexed).</summary>
    public static Expression<Func<TEntity, bool>> Holds<TEntity>(string key, JsonNode value) where TEntity : CrmRecord
    {
        var document = new JsonObject { [key] = value.DeepClone() }.ToJsonString();
        var e = Expression.Parameter(typeof(TEntity), "e");
        Expression<Func<JsonObject, bool>> contains = f => CustomFieldSql.Contains(f, document);
        var body = ReplacingExpressionVisitor.Replace(contains.Parameters[0], Expression.Property(e, nameof(TaggedRecord.CustomFields)), contains.Body);
        return Expression.Lambda<Func<TEntity, bool>>(body, e);
    }
}
