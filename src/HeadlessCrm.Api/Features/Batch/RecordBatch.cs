using System.Text.Json;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using HeadlessCrm.Api.Infrastructure.Http;
using HeadlessCrm.Api.Infrastructure.Json;
using HeadlessCrm.Api.Infrastructure.Paging;
using Microsoft.AspNetCore.Mvc;

namespace HeadlessCrm.Api.Features.Batch;

/// <summary>
/// Runs a batch of creates, updates, upserts and archives through the record type's own use cases — the same checks,
/// audit and events as one request each. One transaction holds the batch. It is first run whole with one save (a
/// <see cref="WriteBatch"/>); if any operation fails, or depends on an earlier one's unsaved write, that is rolled
/// back and the batch runs again one operation at a time, each in a savepoint: a failed operation is rolled back to
/// its savepoint and reported, the others stand (or, when atomic, the whole is undone).
/// </summary>
public sealed class RecordBatch(CrmDbContext db, RequestContext caller, RecordLifecycle lifecycle, UpsertMatcher upserts, WriteBatch batch)
{
    private const string Savepoint = "batch_operation";
    private const string WholeSavepoint = "batch_whole";

    /// <summary>The outcome, and whether it was committed (false: atomic and something failed, so nothing was).</summary>
    public async Task<(BatchResult Result, bool Committed)> RunAsync<TEntity, TDto, TInput>(
        RecordType<TEntity, TDto> type, IRecordUseCases<TInput, TDto> useCases, BatchRequest request, CancellationToken ct)
        where TEntity : CrmRecord where TDto : IVersioned, IRecord
    {
        caller.Demand(type.WriteScope);
        var operations = request.Operations ?? [];
        if (operations.Length is 0 or > BatchRequest.MaxOperations)
            throw new InvalidQueryException("operations", $"Send 1 to {BatchRequest.MaxOperations} operations.");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var results = await RunInTransactionAsync(type, useCases, operations, ct);
        var result = new BatchResult(results,
            results.Count(r => r.Status == "created"), results.Count(r => r.Status == "updated"),
            results.Count(r => r.Status == "archived"), results.Count(r => r.Status == "failed"));
        if (request.Atomic && result.Failed > 0)
        {
            await transaction.RollbackAsync(ct);
            return (result, false);
        }
        await transaction.CommitAsync(ct);
        return (result, true);
    }

    /// <summary>
    /// Runs the operations in the transaction already open on the DbContext without committing: the caller commits
    /// (or rolls back) them with whatever else its transaction holds (a CSV import's progress). Whole with one save
    /// when they all succeed; otherwise, from a savepoint taken first, one at a time.
    /// </summary>
    public async Task<List<BatchItemResult>> RunInTransactionAsync<TEntity, TDto, TInput>(
        RecordType<TEntity, TDto> type, IRecordUseCases<TInput, TDto> useCases, IReadOnlyList<JsonElement> operations, CancellationToken ct)
        where TEntity : CrmRecord where TDto : IVersioned, IRecord
    {
        caller.Demand(type.WriteScope);
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Open a transaction first.");
        await transaction.CreateSavepointAsync(WholeSavepoint, ct);
        var results = await TryRunWholeAsync(type, useCases, operations, ct);
        if (results is null)
        {
            await transaction.RollbackToSavepointAsync(WholeSavepoint, ct);
            results = await RunOneByOneAsync(type, useCases, operations, ct);
        }
        await transaction.ReleaseSavepointAsync(WholeSavepoint, ct);
        return results;
    }

    /// <summary>Each operation in a savepoint, saved on its own: a failure is rolled back to it and reported.</summary>
    private async Task<List<BatchItemResult>> RunOneByOneAsync<TEntity, TDto, TInput>(
        RecordType<TEntity, TDto> type, IRecordUseCases<TInput, TDto> useCases, IReadOnlyList<JsonElement> operations, CancellationToken ct)
        where TEntity : CrmRecord where TDto : IVersioned, IRecord
    {
        var transaction = db.Database.CurrentTransaction!;
        var results = new List<BatchItemResult>(operations.Count);
        for (var i = 0; i < operations.Count; i++)
        {
            await transaction.CreateSavepointAsync(Savepoint, ct);
            try
            {
                results.Add(await RunOneAsync(i, operations[i], type, useCases, ct));
                await transaction.ReleaseSavepointAsync(Savepoint, ct);
            }
            catch (Exception e) when (ProblemExceptionHandler.ToProblem(e) is { } problem)
            {
                await transaction.RollbackToSavepointAsync(Savepoint, ct);
                results.Add(new BatchItemResult(i, "failed", null, null, Error(problem)));
            }
            // Each operation starts from the database, not from what an earlier one left tracked (or failed to save).
            db.ChangeTracker.Clear();
        }
        return results;
    }

    /// <summary>
    /// All the operations staged in a <see cref="WriteBatch"/> and saved at once — one round trip for their rows, audit
    /// and outbox events instead of one each — then mapped as saved. Null at the first failure, or at an operation that
    /// depends on an earlier one's unsaved write; the transaction may then be aborted, so the caller rolls back.
    /// </summary>
    private async Task<List<BatchItemResult>?> TryRunWholeAsync<TEntity, TDto, TInput>(
        RecordType<TEntity, TDto> type, IRecordUseCases<TInput, TDto> useCases, IReadOnlyList<JsonElement> operations, CancellationToken ct)
        where TEntity : CrmRecord where TDto : IVersioned, IRecord
    {
        var results = new List<BatchItemResult>(operations.Count);
        var maps = new Func<object>?[operations.Count];
        batch.Open();
        try
        {
            if (useCases is IPreparesBatch prepares) await prepares.PrepareAsync([.. operations.Select(RecordOf)], ct);
            for (var i = 0; i < operations.Count; i++)
            {
                results.Add(await RunOneAsync(i, operations[i], type, useCases, ct));
                maps[i] = batch.TakeMap();
            }
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DependsOnStagedWrite || ProblemExceptionHandler.ToProblem(e) is not null)
        {
            return null;
        }
        finally
        {
            batch.Close();
            db.ChangeTracker.Clear();
        }
        return [.. results.Select((r, i) => maps[i] is { } map ? r with { Record = map() } : r)];
    }

    private static JsonElement RecordOf(JsonElement operation) =>
        operation.ValueKind == JsonValueKind.Object && operation.TryGetProperty("record", out var record) ? record : default;

    private async Task<BatchItemResult> RunOneAsync<TEntity, TDto, TInput>(
        int index, JsonElement element, RecordType<TEntity, TDto> type, IRecordUseCases<TInput, TDto> useCases, CancellationToken ct)
        where TEntity : CrmRecord where TDto : IVersioned, IRecord
    {
        var operation = RequestJson.Read<BatchOperation>(element);
        switch (operation.Op)
        {
            case "create":
                return Done(index, "created", await useCases.CreateAsync(RequestJson.Read<TInput>(Record(operation)), ct));
            case "update":
                return Done(index, "updated", await useCases.UpdateAsync(Unstaged(Id(operation)), operation.IfMatch, Record(operation), ct));
            case "upsert":
                var record = Record(operation);
                var match = await upserts.FindAsync<TEntity>(type.Plural, operation.MatchBy, record, ct);
                return match is { } id
                    ? Done(index, "updated", await useCases.UpdateAsync(Unstaged(id), operation.IfMatch, record, ct))
                    : Done(index, "created", await useCases.CreateAsync(RequestJson.Read<TInput>(record), ct));
            case "archive":
                var archived = await lifecycle.ArchiveAsync(type, Unstaged(Id(operation)), operation.IfMatch, ct);
                batch.Touched(archived.Id);
                return Done(index, "archived", archived);
            default:
                throw new InvalidQueryException("op", "One of: create, update, upsert, archive.");
        }
    }

    private static BatchItemResult Done<TDto>(int index, string status, TDto record) where TDto : IRecord =>
        new(index, status, record.Id, record, null);

    /// <summary>A record an earlier operation wrote is changed again only after that write is saved (its version moves).</summary>
    private Guid Unstaged(Guid id)
    {
        batch.EnsureNotStaged(id);
        return id;
    }

    private static Guid Id(BatchOperation operation) => operation.Id ?? throw new InvalidQueryException("id", "Required for this operation.");

    private static JsonElement Record(BatchOperation operation) => operation.Record is { ValueKind: JsonValueKind.Object } record
        ? record
        : throw new InvalidQueryException("record", "Expected the record's fields as a JSON object.");

    private static BatchError Error(ProblemDetails problem) => new(
        problem.Status ?? StatusCodes.Status400BadRequest, problem.Title ?? "", problem.Detail,
        (problem as HttpValidationProblemDetails)?.Errors);
}
