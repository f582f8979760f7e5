using HeadlessCrm.Api.Features.CustomFields;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using HeadlessCrm.Api.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Import;

/// <summary>
/// Creating, reading, listing and cancelling imports. Every use needs <c>crm.import</c>; creating and cancelling also
/// the write scope of the record type, reading its read scope. A member sees the imports they started; admins and
/// integrations see the workspace's.
/// </summary>
public sealed class ImportUseCases(CrmDbContext db, RequestContext caller, CustomFieldCatalog customFields, TimeProvider clock)
{
    public async Task<ImportJobDto> CreateAsync(ImportJobInput input, CancellationToken ct)
    {
        caller.Demand(Scopes.Import);
        if (input.Object is null || !ImportObjects.ByName.TryGetValue(input.Object, out var target))
            throw new RuleViolationException("object", $"One of: {string.Join(", ", ImportObjects.ByName.Keys)}.");
        caller.Demand(target.WriteScope);
        if (input.Columns is null) throw new RuleViolationException("columns", "Map each column of the file (its header) to a field, or to null.");

        var columns = input.Columns.Select(c => new ImportColumn(c.Key.Trim(), string.IsNullOrWhiteSpace(c.Value) ? null : c.Value.Trim())).ToList();
        var definitions = await customFields.OfAsync(input.Object, ct);
        var fields = ImportFields.Of(target.InputType, definitions);
        ImportMapping.Check(columns, fields, input.Object);
        var matchBy = string.IsNullOrWhiteSpace(input.MatchBy) ? null : input.MatchBy.Trim();
        if (matchBy is not null) CheckMatchBy(matchBy, input.Object, target, definitions, columns);

        var job = new ImportJob
        {
            Object = input.Object,
            Columns = ImportMapping.Serialize(columns),
            MatchBy = matchBy,
            DryRun = input.DryRun,
            CreatedBySubject = caller.Subject,
            CreatedByMemberId = caller.MemberId,
            Scopes = [.. caller.GrantedScopes],
        };
        db.Add(job);
        await db.SaveChangesAsync(ct);
        return ImportJobDto.From(job);
    }

    public async Task<ImportJobDto> GetAsync(Guid id, CancellationToken ct) => ImportJobDto.From(await LoadAsync(id, write: false, ct));

    /// <summary>Newest first, keyset-paged on the id (UUIDv7, so creation order).</summary>
    public async Task<Page<ImportJobDto>> ListAsync(int limit, string? cursor, CancellationToken ct)
    {
        caller.Demand(Scopes.Import);
        var readable = ImportObjects.ByName.Where(o => caller.Has(o.Value.ReadScope)).Select(o => o.Key).ToList();
        var query = Visible().Where(j => readable.Contains(j.Object));
        if (cursor is not null)
        {
            var after = Cursor.Decode(cursor);
            if (after.Sort != CursorSort) throw new InvalidQueryException("cursor", "The cursor is not valid; use nextCursor exactly as a list returned it.");
            query = query.Where(j => j.Id.CompareTo(after.Id) < 0);
        }
        var jobs = await query.OrderByDescending(j => j.Id).Take(limit + 1).AsNoTracking().ToListAsync(ct);
        var next = jobs.Count > limit ? new Cursor(CursorSort, null, jobs[limit - 1].Id).Encode() : null;
        return new Page<ImportJobDto>(jobs.Take(limit).Select(ImportJobDto.From).ToList(), next);
    }

    /// <summary>
    /// Stops the import: rows not yet run are dropped, rows already run stay (cancel is not undo). A chunk running now
    /// finishes first (the worker holds the job's row while it runs one).
    /// </summary>
    public async Task<ImportJobDto> CancelAsync(Guid id, CancellationToken ct)
    {
        var job = await LoadAsync(id, write: true, ct);
        if (!ImportStatus.IsOpen(job.Status)) throw new ConflictException($"The import is {job.Status} already.", "status");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var cancelled = await db.Database.ExecuteSqlAsync($"""
            UPDATE import_jobs SET status = 'cancelled', finished_at = {now}, updated_at = {now}, claimed_by = NULL, claimed_until = NULL
            WHERE workspace_id = {caller.WorkspaceId} AND id = {id} AND status IN ('pending', 'queued', 'running')
            """, ct);
        if (cancelled == 0) throw new ConflictException("The import ended while it was being cancelled.", "status");
        await db.Database.ExecuteSqlAsync(
            $"DELETE FROM import_rows WHERE workspace_id = {caller.WorkspaceId} AND import_id = {id} AND errors IS NULL AND problem IS NULL", ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return await GetAsync(id, ct);
    }

    /// <summary>The import, if the caller may see it (404 otherwise) and holds the record type's read or write scope.</summary>
    public async Task<ImportJob> LoadAsync(Guid id, bool write, CancellationToken ct)
    {
        caller.Demand(Scopes.Import);
        var job = await Visible().AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct) ?? throw new RecordNotFoundException("import", id);
        var target = ImportObjects.ByName[job.Object];
        caller.Demand(write ? target.WriteScope : target.ReadScope);
        return job;
    }

    private const string CursorSort = "imports";

    private IQueryable<ImportJob> Visible() =>
        caller.SeesWholeWorkspace ? db.Set<ImportJob>() : db.Set<ImportJob>().Where(j => j.CreatedByMemberId == caller.MemberId);

    private static void CheckMatchBy(string matchBy, string objectName, IImportObject target, IEnumerable<CustomFieldDefinition> definitions, List<ImportColumn> columns)
    {
        string field;
        if (target.NaturalKeys.TryGetValue(matchBy, out var natural)) field = natural;
        else if (matchBy.StartsWith(CustomFieldColumns.Prefix + ".", StringComparison.Ordinal)
                 && definitions.Any(d => d.IsUnique && $"{CustomFieldColumns.Prefix}.{d.Key}" == matchBy)) field = matchBy;
        else
            throw new InvalidQueryException("matchBy",
                $"Upsert {objectName} by {string.Join(", ", target.NaturalKeys.Keys.Append("customFields.<key of a unique custom field>"))}, or leave it out to create only.");
        if (columns.All(c => c.Field != field))
            throw new InvalidQueryException("matchBy", $"Map a column to {field} to upsert by {matchBy}.");
    }
}
