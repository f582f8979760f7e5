using System.Text.Json;
using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.Batch;
using HeadlessCrm.Api.Features.CustomFields;
using HeadlessCrm.Api.Features.Events;
using HeadlessCrm.Api.Features.Members;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HeadlessCrm.Api.Features.Import;

/// <summary>
/// Runs the next chunk of a claimed import, as the person or client who started it: their visibility, role and scopes
/// (as they are now). One transaction holds the chunk's records (each row an operation of <see cref="RecordBatch"/>:
/// the chunk saved whole, or row by row if a row fails), its failed rows' errors, the removal of its successful rows and the job's progress, so a crash
/// loses the chunk whole and the next claim runs it again. A dry run rolls the records back to a savepoint and keeps
/// the rest.
/// </summary>
public sealed class ImportChunk(
    CrmDbContext db, RequestContext caller, CustomFieldCatalog customFields, IServiceProvider services,
    IOptions<ImportOptions> options, TimeProvider clock)
{
    private sealed record StagedRow(int RowNumber, string[] Cells, string? Problem);

    private sealed record RowError(string Row, string Column, string Field, string Message);

    /// <summary>Runs one chunk (or ends the job); false if the job is no longer this host's to run.</summary>
    public async Task<bool> RunAsync(Guid workspaceId, Guid importId, Guid host, CancellationToken ct)
    {
        caller.ActAsSystem(workspaceId, []);
        // EF wraps each SaveChanges inside a transaction in a savepoint of its own (two statements a row); RecordBatch's
        // savepoints (the chunk's, and one a row when a chunk is run again) already give each failure its rollback.
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var job = await db.Set<ImportJob>().FromSql($"SELECT * FROM import_jobs WHERE workspace_id = {workspaceId} AND id = {importId} FOR UPDATE")
            .IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(ct);
        if (job is null || job.Status != ImportStatus.Running || job.ClaimedBy != host) return false;
        var now = clock.GetUtcNow().UtcDateTime;

        if (await ActAsCreatorAsync(job, ct) is { } refusal)
        {
            await EndAsync(job, ImportStatus.Failed, refusal, now, ct);
            await transaction.CommitAsync(ct);
            return true;
        }
        var target = ImportObjects.ByName[job.Object];
        ImportMapping mapping;
        try
        {
            mapping = ImportMapping.Bind(ImportMapping.Parse(job.Columns), job.Header ?? [], ImportFields.Of(target.InputType, await customFields.OfAsync(job.Object, ct)));
        }
        catch (Infrastructure.Paging.InvalidQueryException e)
        {
            await EndAsync(job, ImportStatus.Failed, $"{e.Field}: {e.Reason}", now, ct);
            await transaction.CommitAsync(ct);
            return true;
        }

        var rows = await db.Database.SqlQuery<StagedRow>($"""
            SELECT row_number AS "RowNumber", cells AS "Cells", problem AS "Problem" FROM import_rows
            WHERE workspace_id = {workspaceId} AND import_id = {importId} AND row_number > {job.LastRow}
            ORDER BY row_number LIMIT {ImportOptions.ChunkSize}
            """).ToListAsync(ct);

        var outcomes = await RunRowsAsync(job, target, mapping, rows, ct);
        var failed = outcomes.Where(o => o.Errors is not null).ToList();
        if (failed.Count > 0)
        {
            var numbers = failed.Select(f => f.Row).ToArray();
            var errors = failed.Select(f => JsonSerializer.Serialize(f.Errors, JsonSerializerOptions.Web)).ToArray();
            await db.Database.ExecuteSqlAsync($"""
                UPDATE import_rows AS r SET errors = u.errors::jsonb
                FROM unnest({numbers}, {errors}) AS u(row_number, errors)
                WHERE r.workspace_id = {workspaceId} AND r.import_id = {importId} AND r.row_number = u.row_number
                """, ct);
        }
        var succeeded = outcomes.Where(o => o.Errors is null).Select(o => o.Row).ToArray();
        if (succeeded.Length > 0)
            await db.Database.ExecuteSqlAsync(
                $"DELETE FROM import_rows WHERE workspace_id = {workspaceId} AND import_id = {importId} AND row_number = ANY ({succeeded})", ct);

        job.RowsDone += outcomes.Count;
        job.RowsCreated += outcomes.Count(o => o.Status == "created");
        job.RowsUpdated += outcomes.Count(o => o.Status == "updated");
        job.RowsFailed += failed.Count;
        if (rows.Count > 0) job.LastRow = rows[^1].RowNumber;
        if (rows.Count < ImportOptions.ChunkSize) await EndAsync(job, ImportStatus.Done, null, now, ct);
        else await SaveProgressAsync(job, now, ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private sealed record Outcome(int Row, string Status, List<RowError>? Errors);

    private async Task<List<Outcome>> RunRowsAsync(ImportJob job, IImportObject target, ImportMapping mapping, List<StagedRow> rows, CancellationToken ct)
    {
        var outcomes = new Outcome?[rows.Count];
        var operations = new List<JsonElement>();
        var runs = new List<(int Index, List<(string Path, string Column)> Sources)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Problem is not null)
            {
                outcomes[i] = new Outcome(row.RowNumber, "failed", [new RowError(Row(row), "", "", row.Problem)]);
                continue;
            }
            var (record, sources) = mapping.Record(row.Cells);
            var operation = new JsonObject { ["op"] = job.MatchBy is null ? "create" : "upsert", ["matchBy"] = job.MatchBy, ["record"] = record };
            operations.Add(JsonSerializer.SerializeToElement(operation));
            runs.Add((i, sources));
        }

        if (operations.Count > 0)
        {
            const string dryRun = "import_dry_run";
            var transaction = db.Database.CurrentTransaction!;
            if (job.DryRun) await transaction.CreateSavepointAsync(dryRun, ct);
            var results = await target.RunAsync(services, operations, ct);
            if (job.DryRun) await transaction.RollbackToSavepointAsync(dryRun, ct);
            db.ChangeTracker.Clear();
            for (var r = 0; r < results.Count; r++)
            {
                var (index, sources) = runs[r];
                var row = rows[index];
                var result = results[r];
                outcomes[index] = new Outcome(row.RowNumber, result.Status,
                    result.Error is null ? null : Errors(Row(row), result.Error, sources));
            }
        }
        return [.. outcomes.Select(o => o!)];
    }

    private static string Row(StagedRow row) => row.RowNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One error per field and message, the field named as in the record and the column it came from.</summary>
    private static List<RowError> Errors(string row, BatchError error, List<(string Path, string Column)> sources)
    {
        if (error.Errors is not { Count: > 0 } byField) return [new RowError(row, "", "", error.Detail ?? error.Title)];
        // In the order of the file's columns (errors of no column last), whatever order the checks found them in.
        var columns = sources.Select(s => s.Column).Distinct().ToList();
        return byField.SelectMany(e =>
            {
                var field = e.Key.StartsWith("record.", StringComparison.Ordinal) ? e.Key["record.".Length..] : e.Key;
                return e.Value.Select(message => new RowError(row, ImportMapping.ColumnOf(field, sources), field, message));
            })
            .OrderBy(e => columns.IndexOf(e.Column) is var i and >= 0 ? i : int.MaxValue)
            .ToList();
    }

    /// <summary>Takes on the creator's identity as it is now; the reason the job cannot run, if it cannot.</summary>
    private async Task<string?> ActAsCreatorAsync(ImportJob job, CancellationToken ct)
    {
        IEnumerable<string> scopes;
        MemberRole role = MemberRole.Admin;
        Guid? team = null;
        if (job.CreatedByMemberId is { } memberId)
        {
            var member = await db.Members.AsNoTracking().Where(m => m.Id == memberId).Select(m => new { m.Role, m.TeamId, m.ArchivedAt }).SingleOrDefaultAsync(ct);
            if (member is null || member.ArchivedAt is not null) return "The member who started the import is no longer active.";
            (role, team) = (member.Role, member.TeamId);
            scopes = job.Scopes.Intersect(RoleScopes.For(member.Role));
        }
        else
        {
            var client = await db.OAuthClients.AsNoTracking().Where(c => c.ClientId == job.CreatedBySubject).Select(c => c.AllowedScopes).SingleOrDefaultAsync(ct);
            if (client is null) return "The client that started the import no longer exists.";
            scopes = job.Scopes.Intersect(client);
        }
        caller.ActFor(job.WorkspaceId, job.CreatedBySubject, job.CreatedByMemberId, role, team, scopes);
        var target = ImportObjects.ByName[job.Object];
        foreach (var needed in new[] { Scopes.Import, target.WriteScope })
            if (!caller.Has(needed)) return $"Whoever started the import no longer holds the scope {needed}.";
        return null;
    }

    private async Task SaveProgressAsync(ImportJob job, DateTime now, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync($"""
            UPDATE import_jobs SET rows_done = {job.RowsDone}, rows_created = {job.RowsCreated}, rows_updated = {job.RowsUpdated},
                rows_failed = {job.RowsFailed}, last_row = {job.LastRow}, failures = 0, updated_at = {now},
                claimed_until = {now + options.Value.ClaimLease}
            WHERE workspace_id = {job.WorkspaceId} AND id = {job.Id}
            """, ct);

    private async Task EndAsync(ImportJob job, string status, string? error, DateTime now, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"""
            UPDATE import_jobs SET status = {status}, error = {error}, rows_done = {job.RowsDone}, rows_created = {job.RowsCreated},
                rows_updated = {job.RowsUpdated}, rows_failed = {job.RowsFailed}, last_row = {job.LastRow}, updated_at = {now},
                finished_at = {now}, claimed_by = NULL, claimed_until = NULL
            WHERE workspace_id = {job.WorkspaceId} AND id = {job.Id}
            """, ct);
        if (status != ImportStatus.Done || job.DryRun) return;
        db.Notify(new OutboxEvent
        {
            Type = EventTypes.ImportCompleted,
            RecordType = "import",
            RecordId = job.Id,
            Payload = new JsonObject
            {
                ["record"] = null,
                ["changes"] = new JsonObject(),
                ["details"] = new JsonObject
                {
                    ["importId"] = job.Id, ["object"] = job.Object, ["rowsTotal"] = job.RowsTotal, ["created"] = job.RowsCreated,
                    ["updated"] = job.RowsUpdated, ["failed"] = job.RowsFailed,
                },
            },
            Actor = job.CreatedBySubject,
            OccurredAt = now,
        });
        await db.SaveChangesAsync(ct);
    }
}
