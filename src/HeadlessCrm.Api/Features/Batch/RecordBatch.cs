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
/// audit and events as one request each. One transaction holds the batch and a savepoint each operation: a failed
/// operation is rolled back to its savepoint and reported, the others stand (or, when atomic, the whole is undone).
/// </summary>
public sealed class RecordBatch(CrmDbContext db, RequestContext caller, RecordLifecycle lifecycle, UpsertMatcher upserts)
{
    private const string Savepoint = "batch_operation";

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
    /// Runs the operations in the transaction already open on the DbContext, each in a savepoint, without committing:
    /// the caller commits (or rolls back) them with whatever else its transaction holds (a CSV import's progress).
    /// </summary>
    public async Task<List<BatchItemResult>> RunInTransactionAsync<TEntity, TDto, TInput>(
        RecordType<TEntity, TDto> type, IRecordUseCases<TInput, TDto> useCases, IReadOnlyList<JsonElement> operations, CancellationToken ct)
        where TEntity : CrmRecord where TDto : IVersioned, IRecord
    {
        caller.Demand(type.WriteScope);
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Open a transaction first.");
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
    /// Runs the operations in the open transaction without a savepoint each — two statements fewer per operation —
    /// and gives up at the first that fails: null, and the transaction may be aborted, so the caller rolls back to a
    /// savepoint of its own and runs them again with <see cref="RunInTransactionAsync{TEntity,TDto,TInput}"/>. For
    /// bulk work where failures are rare (a CSV import's chunk of rows).
    /// </summary>
    public async Task<List<BatchItemResult>?> TryRunAllInTransactionAsync<TEntity, TDto, TInput>(
        RecordType<TEntity, TDto> type, IRecordUseCases<TInput, TDto> useCases, IReadOnlyList<JsonElement> operations, CancellationToken ct)
        where TEntity : CrmRecord where TDto : IVersioned, IRecord
    {
        caller.Demand(type.WriteScope);
        _ = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Open a transaction first.");
        var results = new List<BatchItemResult>(operations.Count);
        for (var i = 0; i < operations.Count; i++)
        {
            try
            {
                results.Add(await RunOneAsync(i, operations[i], type, useCases, ct));
            }
            catch (Exception e) when (ProblemExceptionHandler.ToProblem(e) is not null)
            {
                db.ChangeTracker.Clear();
                return null;
            }
            db.ChangeTracker.Clear();
        }
        return results;
    }

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
                return Done(index, "updated", await useCases.UpdateAsync(Id(operation), operation.IfMatch, Record(operation), ct));
            case "upsert":
                var record = Record(operation);
                var match = await upserts.FindAsync<TEntity>(type.Plural, operation.MatchBy, record, ct);
                return match is { } id
                    ? Done(index, "updated", await useCases.UpdateAsync(id, operation.IfMatch, record, ct))
                    : Done(index, "created", await useCases.CreateAsync(RequestJson.Read<TInput>(record), ct));
            case "archive":
                return Done(index, "archived", await lifecycle.ArchiveAsync(type, Id(operation), operation.IfMatch, ct));
            default:
                throw new InvalidQueryException("op", "One of: create, update, upsert, archive.");
        }
    }

    private static BatchItemResult Done<TDto>(int index, string status, TDto record) where TDto : IRecord =>
        new(index, status, record.Id, record, null);

    private static Guid Id(BatchOperation operation) => operation.Id ?? throw new InvalidQueryException("id", "Required for this operation.");

    private static JsonElement Record(BatchOperation operation) => operation.Record is { ValueKind: JsonValueKind.Object } record
        ? record
        : throw new InvalidQueryException("record", "Expected the record's fields as a JSON object.");

    private static BatchError Error(ProblemDetails problem) => new(
        problem.Status ?? StatusCodes.Status400BadRequest, problem.Title ?? "", problem.Detail,
        (problem as HttpValidationProblemDetails)?.Errors);
}
