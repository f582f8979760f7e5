using System.Text.Json;
using HeadlessCrm.Api.Features.CustomFields;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Records;

/// <summary>
/// Create and merge-patch update for every record type: scope, defaults, field rules (custom fields checked against
/// their definitions), the type's own application of the input (which may check references or move a deal), one
/// save, and the saved record's public shape. A write runs in one transaction from its first read to its save (its
/// own, or the caller's when one is open): the workspace is set on the session by the first read, so the save needs
/// no separate SET (WorkspaceSessionInterceptor), and the unique custom field guard shares it with the save. Inside an
/// open <see cref="WriteBatch"/> the save is left to the batch.
/// </summary>
public sealed class RecordWriter(
    CrmDbContext db, RequestContext caller, RecordLifecycle lifecycle, CustomFieldCatalog customFields, UniqueCustomFields unique,
    WriteBatch batch)
{
    public delegate Task Apply<in TInput, in TEntity>(TInput input, TEntity entity, CancellationToken ct);

    public async Task<TDto> CreateAsync<TEntity, TDto, TInput>(
        RecordType<TEntity, TDto> type, TInput input, Func<TInput, TEntity> create, Apply<TInput, TEntity> apply, CancellationToken ct)
        where TEntity : CrmRecord where TDto : IVersioned where TInput : IRecordInput<TEntity, TInput>
    {
        caller.Demand(type.WriteScope);
        input = input.WithDefaults(caller.MemberId);
        await using var write = await WriteTransaction.BeginAsync(db, ct);
        var values = await CheckAsync(type, input, stored: null, ct);
        var entity = create(input);
        await apply(input, entity, ct);
        Store(entity, values);
        db.Add(entity);
        await SaveAsync(type, entity, values, ct);
        await write.CommitAsync(ct);
        return type.Map(entity);
    }

    public async Task<TDto> UpdateAsync<TEntity, TDto, TInput>(
        RecordType<TEntity, TDto> type, Guid id, string? ifMatch, JsonElement patch, Apply<TInput, TEntity> apply, CancellationToken ct)
        where TEntity : CrmRecord where TDto : IVersioned where TInput : IRecordInput<TEntity, TInput>
    {
        caller.Demand(type.WriteScope);
        await using var write = await WriteTransaction.BeginAsync(db, ct);
        var entity = await lifecycle.LoadForChangeAsync(type.Name, id, ifMatch, ct, type.ForChange);
        var input = MergePatch.Apply(TInput.From(entity), patch);
        var values = await CheckAsync(type, input, (entity as TaggedRecord)?.CustomFields ?? [], ct);
        await apply(input, entity, ct);
        Store(entity, values);
        if (db.ChangeTracker.HasChanges()) await SaveAsync(type, entity, values, ct);
        await write.CommitAsync(ct);
        return type.Map(entity);
    }

    private async Task<CustomFieldValues.Checked> CheckAsync<TEntity, TDto, TInput>(
        RecordType<TEntity, TDto> type, TInput input, System.Text.Json.Nodes.JsonObject? stored, CancellationToken ct)
        where TEntity : CrmRecord where TDto : IVersioned where TInput : IRecordInput<TEntity, TInput>
    {
        var check = new RuleCheck();
        input.Check(check);
        var values = CustomFieldValues.Check(await customFields.OfAsync(type.Plural, ct), input.CustomFields, stored, check);
        check.ThrowIfBroken();
        return values;
    }

    private static void Store(CrmRecord entity, CustomFieldValues.Checked values)
    {
        if (entity is TaggedRecord tagged) tagged.CustomFields = values.Values;
    }

    /// <summary>One save, after the guard of unique custom field values (in the write's transaction).</summary>
    private async Task SaveAsync<TEntity, TDto>(RecordType<TEntity, TDto> type, TEntity entity, CustomFieldValues.Checked values, CancellationToken ct)
        where TEntity : CrmRecord where TDto : IVersioned
    {
        if (batch.IsOpen)
        {
            foreach (var (key, value) in values.UniqueValues) batch.EnsureNoneStaged<TEntity>(e => WriteBatch.MayHold(e, key, value), entity.Id);
            await unique.EnsureAsync<TEntity>(type.Plural, entity.Id, values, ct);
            batch.Stage(entity, () => type.Map(entity));
            return;
        }
        await unique.EnsureAsync<TEntity>(type.Plural, entity.Id, values, ct);
        await db.SaveChangesAsync(ct);
    }
}
