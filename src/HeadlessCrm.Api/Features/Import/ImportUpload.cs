using System.Text;
using HeadlessCrm.Api.Features.CustomFields;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Paging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Npgsql;
using NpgsqlTypes;

namespace HeadlessCrm.Api.Features.Import;

/// <summary>
/// Takes an import's CSV while it streams in: the header row is checked against the mapping first (a 400 naming the
/// column before any row is staged), then each row goes straight into <c>import_rows</c> through binary COPY, in one
/// transaction that also queues the job. Only the current row is in memory, and the file lives in PostgreSQL, so any
/// host's worker can run it. A row the CSV reader finds malformed is staged with its problem and fails alone later.
/// </summary>
public sealed class ImportUpload(
    NpgsqlDataSource database, RequestContext caller, ImportUseCases imports, CustomFieldCatalog customFields,
    IOptions<ImportOptions> options, TimeProvider clock)
{
    public async Task<ImportJobDto> UploadAsync(Guid id, HttpRequest request, CancellationToken ct)
    {
        var job = await imports.LoadAsync(id, write: true, ct);
        if (job.Status != ImportStatus.Pending) throw new ConflictException($"The import's file was uploaded already (it is {job.Status}).", "file");
        var fields = ImportFields.Of(ImportObjects.ByName[job.Object].InputType, await customFields.OfAsync(job.Object, ct));
        var columns = ImportMapping.Parse(job.Columns);

        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var setup = new NpgsqlCommand("SELECT set_config('app.workspace_id', @w, true); SELECT status FROM import_jobs WHERE workspace_id = @w::uuid AND id = @id FOR UPDATE", connection, transaction))
        {
            setup.Parameters.AddWithValue("w", caller.WorkspaceId.ToString("D"));
            setup.Parameters.AddWithValue("id", id);
            await using var reader = await setup.ExecuteReaderAsync(ct);
            await reader.NextResultAsync(ct);
            if (!await reader.ReadAsync(ct) || reader.GetString(0) != ImportStatus.Pending)
                throw new ConflictException("The import's file was uploaded already.", "file");
        }

        // UTF-8, with or without a byte order mark; bytes that are not UTF-8 refuse the file.
        using var text = new StreamReader(request.Body, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, 64 * 1024);
        var csv = new CsvReader(text, options.Value.MaxRowChars);
        string[] header;
        var rows = 0;
        try
        {
            if (!await csv.ReadAsync(ct)) throw new InvalidQueryException("file", "The file is empty; its first row must name the columns.");
            header = [.. csv.Fields.Select(f => f.Trim())];
            ImportMapping.Bind(columns, header, fields);

            // PostgreSQL refuses COPY into a table with row-level security, so the rows stream into a temporary table of
            // this transaction and move over in one INSERT, which the policy checks.
            await using (var staging = new NpgsqlCommand(
                "CREATE TEMP TABLE import_staging (row_number integer, cells text[], problem text) ON COMMIT DROP", connection, transaction))
                await staging.ExecuteNonQueryAsync(ct);
            await using var copy = await connection.BeginBinaryImportAsync(
                "COPY import_staging (row_number, cells, problem) FROM STDIN (FORMAT BINARY)", ct);
            while (await csv.ReadAsync(ct))
            {
                var (cells, problem) = Row(csv, header.Length);
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(csv.RowNumber, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(cells, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                if (problem is null) await copy.WriteNullAsync(ct);
                else await copy.WriteAsync(problem, NpgsqlDbType.Text, ct);
                rows++;
            }
            await copy.CompleteAsync(ct);
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidQueryException("file", $"The file is not UTF-8 text (row {csv.RowNumber + 1} or near it).");
        }
        catch (CsvTooLongException e)
        {
            throw new InvalidQueryException("file", e.Message);
        }

        await using (var queue = new NpgsqlCommand("""
            INSERT INTO import_rows (workspace_id, import_id, row_number, cells, problem)
            SELECT @w, @id, row_number, cells, problem FROM import_staging;
            UPDATE import_jobs SET status = 'queued', header = @header, file_name = @file, rows_total = @rows, updated_at = @now
            WHERE workspace_id = @w AND id = @id
            """, connection, transaction))
        {
            queue.Parameters.AddWithValue("header", header);
            queue.Parameters.AddWithValue("file", (object?)FileName(request) ?? DBNull.Value);
            queue.Parameters.AddWithValue("rows", rows);
            queue.Parameters.AddWithValue("now", clock.GetUtcNow().UtcDateTime);
            queue.Parameters.AddWithValue("w", caller.WorkspaceId);
            queue.Parameters.AddWithValue("id", id);
            await queue.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return await imports.GetAsync(id, ct);
    }

    /// <summary>The row's cells, and what keeps it from being a row of this file (a wrong number of fields, a NUL).</summary>
    private static (string[] Cells, string? Problem) Row(CsvReader csv, int width)
    {
        var problem = csv.Problem;
        var cells = csv.Fields.ToArray();
        for (var i = 0; i < cells.Length; i++)
        {
            if (!cells[i].Contains('\0')) continue;
            cells[i] = cells[i].Replace("\0", "");
            problem ??= $"Field {i + 1} holds a NUL character.";
        }
        if (cells.Length != width) problem ??= $"The row has {cells.Length} fields; the header has {width}.";
        return (cells, problem);
    }

    private static string? FileName(HttpRequest request) =>
        ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var disposition)
            ? HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value
            : null;
}
