using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.Companies;
using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.CustomFields;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Data;
using HeadlessCrm.Api.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Batch;

/// <summary>
/// Finds the live record an upsert means: a contact sharing an email, a company with the domain, or a record holding
/// the value of a unique custom field. Only records the caller can see are candidates (what one cannot see does not
/// exist for them); more than one match is a 409.
/// </summary>
public sealed class UpsertMatcher(CrmDbContext db, CustomFieldCatalog catalog, WriteBatch batch)
{
    public async Task<Guid?> FindAsync<TEntity>(string objectName, string? matchBy, JsonElement record, CancellationToken ct)
        where TEntity : CrmRecord
    {
        var (predicate, mayMatch) = matchBy switch
        {
            "email" when typeof(TEntity) == typeof(Contact) => As<TEntity, Contact>(ByEmail(record)),
            "domain" when typeof(TEntity) == typeof(Company) => As<TEntity, Company>(ByDomain(record)),
            not null when matchBy.StartsWith(CustomFieldColumns.Prefix + ".", StringComparison.Ordinal) =>
                await ByUniqueFieldAsync<TEntity>(objectName, matchBy[(CustomFieldColumns.Prefix.Length + 1)..], record, ct),
            _ => throw new InvalidQueryException("matchBy", $"Upsert {objectName} by {string.Join(", ", Keys(objectName))}."),
        };
        // A record staged by an earlier write of the batch is not in the database yet: the lookup would miss it.
        batch.EnsureNoneStaged(mayMatch);
        var ids = await db.Set<TEntity>().Where(e => e.ArchivedAt == null).Where(predicate).Select(e => e.Id).Take(2).ToListAsync(ct);
        if (ids.Count > 1) throw new ConflictException($"Several {objectName} match by {matchBy}; update one by id.", "matchBy");
        return ids.Count == 1 ? ids[0] : null;
    }

    /// <summary>A match as a query, and as a test of a record in memory that is true at least when the query's is.</summary>
    private sealed record Match<T>(Expression<Func<T, bool>> Query, Func<T, bool> MayMatch);

    private static (Expression<Func<TEntity, bool>>, Func<TEntity, bool>) As<TEntity, T>(Match<T> match) =>
        ((Expression<Func<TEntity, bool>>)(object)match.Query, (Func<TEntity, bool>)(object)match.MayMatch);

    private static IEnumerable<string> Keys(string objectName) => objectName switch
    {
        "contacts" => ["email", "customFields.<unique key>"],
        "companies" => ["domain", "customFields.<unique key>"],
        _ => ["customFields.<unique key>"],
    };

    private static Match<Contact> ByEmail(JsonElement record)
    {
        var keys = Member(record, "emails") is { ValueKind: JsonValueKind.Array } emails
            ? emails.EnumerateArray()
                .Select(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null)
                .OfType<string>().Select(Contact.EmailKey).Distinct().ToArray()
            : [];
        if (keys.Length == 0) throw new InvalidQueryException("record.emails", "An upsert by email needs the record's emails.");
        return new(c => c.EmailKeys.Any(k => keys.Contains(k)), c => c.EmailKeys.Any(keys.Contains));
    }

    private static Match<Company> ByDomain(JsonElement record)
    {
        if (Member(record, "domain") is not { ValueKind: JsonValueKind.String } text || !DomainName.TryNormalise(text.GetString()!, out var domain))
            throw new InvalidQueryException("record.domain", "An upsert by domain needs the record's domain, like example.com.");
        return new(c => c.Domain == domain, c => c.Domain == domain);
    }

    private async Task<(Expression<Func<TEntity, bool>>, Func<TEntity, bool>)> ByUniqueFieldAsync<TEntity>(
        string objectName, string key, JsonElement record, CancellationToken ct)
        where TEntity : CrmRecord
    {
        var definition = (await catalog.OfAsync(objectName, ct)).FirstOrDefault(d => d.Key == key && d.IsUnique)
            ?? throw new InvalidQueryException("matchBy", $"'{key}' is not a unique custom field of {objectName}.");
        var wanted = Member(record, "customFields") is { ValueKind: JsonValueKind.Object } fields && fields.TryGetProperty(key, out var v)
            ? JsonNode.Parse(v.GetRawText())
            : null;
        if (wanted is null) throw new InvalidQueryException($"record.customFields.{key}", "An upsert by this field needs its value.");
        var stored = CustomFieldValues.Check([definition], new JsonObject { [key] = wanted }, null, new RuleCheck()).Values[key]!;
        return (UniqueCustomFields.Holds<TEntity>(key, stored), e => WriteBatch.MayHold(e, key, stored));
    }

    private static JsonElement? Member(JsonElement record, string name) =>
        record.ValueKind == JsonValueKind.Object && record.TryGetProperty(name, out var value) ? value : null;
}
