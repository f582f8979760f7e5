using System.Text.Json;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;

namespace HeadlessCrm.Api.Features.Records;

/// <summary>
/// Create and merge-patch update for every record type: scope, defaults, field rules, the type's own application of
/// the input (which may check references or move a deal), one save, and the saved record's public shape.
/// </summary>
public sealed class RecordWriter(CrmDbContext db, RequestContext caller, RecordLifecycle lifecycle)
{
    public delegate Task Apply<in TInput, in TEntity>(TInput input, TEntity entity, CancellationToken ct);

    public async Task<TDto> CreateAsync<TEntity, TDto, TInput>(
        RecordType<TEntity, TDto> type, TInput input, Func<TInput, TEntity> create, Apply<TInput, TEntity> apply, CancellationToken ct)
        where TEntity : CrmRecord where TDto : IVersioned where TInput : IRecordInput<TEntity, TInput>
    {
        caller.Demand(type.WriteScope);
        input = input.WithDefaults(caller.MemberId);
        Check(input);
        var entity = create(input);
        await apply(input, entity, ct);
        db.Add(entity);
        await db.SaveChangesAsync(ct);
        return type.Map(entity);
    }

    public async Task<TDto> UpdateAsync<TEntity, TDto, TInput>(
        RecordType<TEntity, TDto> type, Guid id, string? ifMatch, JsonElement patch, Apply<TInput, TEntity> apply, CancellationToken ct)
        where TEntity : CrmRecord where TDto : IVersioned where TInput : IRecordInput<TEntity, TInput>
    {
        caller.Demand(type.WriteScope);
        var entity = await lifecycle.LoadForChangeAsync(type.Name, id, ifMatch, ct, type.ForChange);
        var input = MergePatch.Apply(TInput.From(entity), patch);
        Check(input);
        await apply(input, entity, ct);
        if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct);
        return type.Map(entity);
    }

    private static void Check<TEntity, TInput>(IRecordInput<TEntity, TInput> input)
        where TEntity : CrmRecord where TInput : IRecordInput<TEntity, TInput>
    {
        var check = new RuleCheck();
        input.Check(check);
        check.ThrowIfBroken();
    }
}
