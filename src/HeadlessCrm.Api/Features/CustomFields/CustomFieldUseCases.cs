using System.Linq.Expressions;
using System.Text.Json;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using HeadlessCrm.Api.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.CustomFields;

/// <summary>
/// Defining custom fields (crm.admin), and reading the definitions of the record types the caller may read.
/// Deleting a definition archives it and removes its values from every record in the same transaction.
/// </summary>
public sealed class CustomFieldUseCases(CrmDbContext db, RequestContext caller, CustomFieldCatalog catalog, TimeProvider clock)
{
    private static readonly Expression<Func<CustomFieldDefinition, CustomFieldDto>> Projection = d => new CustomFieldDto(
        d.Id, d.Object, d.Key, d.Label, d.Type, d.Required, d.IsUnique, d.Options, d.CreatedAt, d.UpdatedAt, d.ArchivedAt);

    private static readonly Func<CustomFieldDefinition, CustomFieldDto> Map = Projection.Compile();

    public async Task<IReadOnlyList<CustomFieldDto>> ListAsync(string? objectName, bool archived, CancellationToken ct)
    {
        if (objectName is not null && !CustomFieldObjects.ReadScopes.ContainsKey(objectName))
            throw new InvalidQueryException("object", $"One of: {string.Join(", ", CustomFieldObjects.All)}.");
        var readable = Readable().Where(o => objectName is null || o == objectName).ToList();
        if (objectName is not null && readable.Count == 0) throw new MissingScopeException(CustomFieldObjects.ReadScopes[objectName]);
        return await db.Set<CustomFieldDefinition>().AsNoTracking()
            .Where(d => readable.Contains(d.Object) && (archived ? d.ArchivedAt != null : d.ArchivedAt == null))
            .OrderBy(d => d.Object).ThenBy(d => d.CreatedAt).ThenBy(d => d.Id)
            .Select(Projection).ToListAsync(ct);
    }

    public async Task<CustomFieldDto> GetAsync(Guid id, CancellationToken ct)
    {
        var readable = Readable().ToList();
        return await db.Set<CustomFieldDefinition>().AsNoTracking().Where(d => d.Id == id && readable.Contains(d.Object))
            .Select(Projection).FirstOrDefaultAsync(ct) ?? throw new RecordNotFoundException("custom field", id);
    }

    public async Task<CustomFieldDto> CreateAsync(CustomFieldInput input, CancellationToken ct)
    {
        caller.Demand(Scopes.Admin);
        var check = new RuleCheck();
        input.Check(check);
        check.ThrowIfBroken();
        var live = await catalog.OfAsync(input.Object!, ct);
        if (live.Any(d => d.Key == input.Key))
            throw new ConflictException($"{input.Object} already have a custom field '{input.Key}'.", "key");
        if (live.Count >= CustomFieldDefinition.MaxPerObject)
            throw new RuleViolationException("object", $"At most {CustomFieldDefinition.MaxPerObject} custom fields per record type.");

        var definition = new CustomFieldDefinition
        {
            Object = input.Object!,
            Key = input.Key!,
            Label = input.Label!.Trim(),
            Type = input.Type!.Value,
            Required = input.Required,
            IsUnique = input.Unique,
            Options = input.Options ?? [],
        };
        db.Add(definition);
        if (definition.IsUnique) await EnsureNoSharedValuesAsync(definition, ct);
        await db.SaveChangesAsync(ct);
        catalog.Reset();
        return Map(definition);
    }

    /// <summary>Label, required and options (only added to) change; object, key, type and unique do not.</summary>
    public async Task<CustomFieldDto> UpdateAsync(Guid id, JsonElement patch, CancellationToken ct)
    {
        caller.Demand(Scopes.Admin);
        var definition = await LoadLiveAsync(id, ct);
        var input = MergePatch.Apply(CustomFieldInput.From(definition), patch);
        var check = new RuleCheck();
        input.Check(check);
        foreach (var (field, same) in new[]
                 {
                     ("object", input.Object == definition.Object), ("key", input.Key == definition.Key),
                     ("type", input.Type == definition.Type), ("unique", input.Unique == definition.IsUnique),
                 })
            check.Must(same, field, "Cannot change; create a new field instead.");
        check.Must(definition.Options.All(o => (input.Options ?? []).Contains(o)), "options",
            "Options can be added, not removed or renamed (records may hold them).");
        check.ThrowIfBroken();

        definition.Label = input.Label!.Trim();
        definition.Required = input.Required;
        definition.Options = input.Options ?? [];
        await db.SaveChangesAsync(ct);
        catalog.Reset();
        return Map(definition);
    }

    /// <summary>Archives the definition and removes its values from every record of the type, visible to the caller or not.</summary>
    public async Task ArchiveAsync(Guid id, CancellationToken ct)
    {
        caller.Demand(Scopes.Admin);
        var definition = await LoadLiveAsync(id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        definition.ArchivedAt = now;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        // The table name is one of four constants (Table), never text from the request.
#pragma warning disable EF1003
        await db.Database.ExecuteSqlRawAsync(
            $"UPDATE {Table(definition.Object)} SET custom_fields = custom_fields - {{0}}, updated_at = {{1}} " +
            "WHERE workspace_id = {2} AND custom_fields ? {0}",
            [definition.Key, now, definition.WorkspaceId], ct);
#pragma warning restore EF1003
        await transaction.CommitAsync(ct);
        catalog.Reset();
    }

    private IEnumerable<string> Readable() => CustomFieldObjects.ReadScopes.Where(p => caller.Has(p.Value)).Select(p => p.Key);

    private async Task<CustomFieldDefinition> LoadLiveAsync(Guid id, CancellationToken ct) =>
        await db.Set<CustomFieldDefinition>().FirstOrDefaultAsync(d => d.Id == id && d.ArchivedAt == null, ct)
        ?? throw new RecordNotFoundException("custom field", id);

    /// <summary>A new unique field over existing values (left by an earlier definition of the key) must find them unique.</summary>
    private async Task EnsureNoSharedValuesAsync(CustomFieldDefinition definition, CancellationToken ct)
    {
#pragma warning disable EF1003 // the table name is one of four constants (Table)
        var shared = await db.Database.SqlQueryRaw<int>(
            $"SELECT count(*)::int AS \"Value\" FROM (SELECT custom_fields -> {{0}} FROM {Table(definition.Object)} " +
            "WHERE workspace_id = {1} AND custom_fields ? {0} GROUP BY 1 HAVING count(*) > 1) AS d",
            definition.Key, caller.WorkspaceId).SingleAsync(ct);
#pragma warning restore EF1003
        if (shared > 0)
            throw new ConflictException($"{shared} values of '{definition.Key}' are shared by several {definition.Object}; make them unique first.", "unique");
    }

    private static string Table(string objectName) => CustomFieldObjects.ReadScopes.ContainsKey(objectName)
        ? objectName
        : throw new ArgumentOutOfRangeException(nameof(objectName));
}
