using System.Text.Json;
using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.Audit;
using HeadlessCrm.Api.Features.CustomFields;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using HeadlessCrm.Api.Infrastructure.Json;
using HeadlessCrm.Api.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Merge;

/// <summary>
/// Merges records of one type into a survivor, in one transaction: the merged records are archived pointing at the
/// survivor (their unique custom field values released), their associations move to it, the survivor takes the
/// combined fields through the type's own update (same checks as a PATCH), and a <c>merged</c> audit event — hence a
/// <c>&lt;type&gt;.merged</c> event — records it all. A dry run does the same and rolls back.
/// </summary>
public sealed class RecordMerge(CrmDbContext db, RequestContext caller, RecordLifecycle lifecycle, CustomFieldCatalog customFields, TimeProvider clock)
{
    /// <summary>Moves what points at the merged records to the survivor; returns how many of each moved.</summary>
    public delegate Task<JsonObject> MoveAssociations(CrmDbContext db, Guid survivorId, Guid[] mergedIds, DateTime now, CancellationToken ct);

    public async Task<MergeResult> MergeAsync<TEntity, TDto, TInput>(
        RecordType<TEntity, TDto> type, IRecordUseCases<TInput, TDto> useCases, MergeInput input, MoveAssociations move, CancellationToken ct)
        where TEntity : TaggedRecord, IMergeable where TDto : IVersioned where TInput : IRecordInput<TEntity, TInput>
    {
        caller.Demand(type.WriteScope);
        var (survivorId, mergedIds) = Check(input);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var survivor = await LoadLiveAsync(type, survivorId, "survivorId", ct);
        var merged = new List<TEntity>();
        for (var i = 0; i < mergedIds.Length; i++) merged.Add(await LoadLiveAsync(type, mergedIds[i], $"mergedIds[{i}]", ct));
        var fieldNames = typeof(TInput).GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToList();
        var combined = MergedFields.Combine(
            [(survivor.Id, Fields(TInput.From(survivor))), .. merged.Select(m => (m.Id, Fields(TInput.From(m))))],
            input.FieldWinners ?? [], fieldNames);

        var now = clock.GetUtcNow().UtcDateTime;
        var uniqueKeys = (await customFields.OfAsync(type.Plural, ct)).Where(d => d.IsUnique).Select(d => d.Key).ToList();
        foreach (var record in merged)
        {
            record.ArchivedAt = now;
            record.MergedIntoId = survivor.Id;
            // The survivor may take these values over; a unique value is held by one record at a time.
            if (uniqueKeys.Any(record.CustomFields.ContainsKey))
                record.CustomFields = new JsonObject(record.CustomFields.Where(p => !uniqueKeys.Contains(p.Key)).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        }
        await db.SaveChangesAsync(ct);
        var moved = await move(db, survivor.Id, mergedIds, now, ct);
        db.ChangeTracker.Clear();

        var patch = JsonSerializer.SerializeToElement(combined, CrmJson.Options);
        await useCases.UpdateAsync(survivor.Id, ifMatch: null, patch, ct);
        db.ChangeTracker.Clear();

        var changes = new JsonObject { ["mergedIds"] = new JsonArray(mergedIds.Select(id => (JsonNode)id.ToString()).ToArray()), ["moved"] = moved.DeepClone() };
        var saved = await lifecycle.LoadForChangeAsync(type.Name, survivor.Id, null, ct, type.ForChange);
        db.Record(AuditTrail.Event(caller, now, type.Name, survivor.Id, "merged", changes), saved);
        await db.SaveChangesAsync(ct);

        if (input.DryRun) await transaction.RollbackAsync(ct);
        else await transaction.CommitAsync(ct);
        return new MergeResult(type.Map(saved), mergedIds, moved, input.DryRun);
    }

    private static (Guid Survivor, Guid[] Merged) Check(MergeInput input)
    {
        var survivor = input.SurvivorId ?? throw new RuleViolationException("survivorId", "Required.");
        var merged = input.MergedIds ?? [];
        if (merged.Length is 0 or > MergeInput.MaxMerged)
            throw new RuleViolationException("mergedIds", $"Name 1 to {MergeInput.MaxMerged} records to merge into the survivor.");
        if (merged.Distinct().Count() != merged.Length || merged.Contains(survivor))
            throw new RuleViolationException("mergedIds", "Each record once, and not the survivor.");
        return (survivor, merged);
    }

    private async Task<TEntity> LoadLiveAsync<TEntity, TDto>(RecordType<TEntity, TDto> type, Guid id, string field, CancellationToken ct)
        where TEntity : TaggedRecord, IMergeable where TDto : IVersioned
    {
        var record = await lifecycle.LoadForChangeAsync(type.Name, id, null, ct, type.ForChange);
        if (record.ArchivedAt is not null)
            throw new RuleViolationException(field, record.MergedIntoId is { } into
                ? $"Already merged into {into}."
                : "Archived; restore it before merging.");
        return record;
    }

    private static JsonObject Fields<TInput>(TInput input) => JsonSerializer.SerializeToNode(input, CrmJson.Options)!.AsObject();
}
