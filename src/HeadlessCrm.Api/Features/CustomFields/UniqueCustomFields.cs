using System.Linq.Expressions;
using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

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
                .AnyAsync(HoldsOther<TEntity>(recordId, document), ct);
            if (taken)
                throw new ConflictException($"Another record of {objectName} already has this {key}.", $"{CustomFieldColumns.Prefix}.{key}");
        }
    }

    /// <summary>e =&gt; e.Id != recordId &amp;&amp; crm_cf_contains(e.custom_fields, document)</summary>
    private static Expression<Func<TEntity, bool>> HoldsOther<TEntity>(Guid recordId, string document) where TEntity : CrmRecord
    {
        var e = Expression.Parameter(typeof(TEntity), "e");
        var fields = Expression.Property(e, nameof(TaggedRecord.CustomFields));
        Expression<Func<JsonObject, bool>> contains = f => CustomFieldSql.Contains(f, document);
        var holds = Microsoft.EntityFrameworkCore.Query.ReplacingExpressionVisitor.Replace(contains.Parameters[0], fields, contains.Body);
        Expression<Func<TEntity, bool>> other = r => r.Id != recordId;
        var notSelf = Microsoft.EntityFrameworkCore.Query.ReplacingExpressionVisitor.Replace(other.Parameters[0], e, other.Body);
        return Expression.Lambda<Func<TEntity, bool>>(Expression.AndAlso(notSelf, holds), e);
    }
}
