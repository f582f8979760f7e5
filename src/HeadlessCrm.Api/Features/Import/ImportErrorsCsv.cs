using System.Text;
using System.Text.Json;
using HeadlessCrm.Api.Features.Export;
using HeadlessCrm.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Import;

/// <summary>
/// The failed rows of an import as CSV: one line per error — the row's number (as a spreadsheet numbers it: the
/// header is row 1), the column and field it concerns (empty for the row as a whole), the message — followed by the
/// row's own cells under the file's header, so the file can be corrected and imported again. Read in pages of
/// <see cref="PageSize"/> rows and flushed as it goes.
/// </summary>
public sealed class ImportErrorsCsv(CrmDbContext db, ImportUseCases imports)
{
    public const int PageSize = 1000;

    private sealed record FailedRow(int RowNumber, string[] Cells, string Errors);

    private sealed record RowError(string Row, string Column, string Field, string Message);

    public async Task WriteAsync(Guid id, HttpContext http, CancellationToken ct)
    {
        var job = await imports.LoadAsync(id, write: false, ct);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"import-{id}-errors.csv\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), 64 * 1024);
        var header = job.Header ?? [];
        await writer.WriteAsync(CsvText.Line(new[] { "row", "column", "field", "message" }.Concat(header).Select(h => CsvText.Field(h, isText: true))));
        var after = 0;
        while (true)
        {
            var rows = await db.Database.SqlQuery<FailedRow>($"""
                SELECT row_number AS "RowNumber", cells AS "Cells", errors::text AS "Errors" FROM import_rows
                WHERE workspace_id = {job.WorkspaceId} AND import_id = {id} AND errors IS NOT NULL AND row_number > {after}
                ORDER BY row_number LIMIT {PageSize}
                """).ToListAsync(ct);
            foreach (var row in rows)
            foreach (var error in JsonSerializer.Deserialize<List<RowError>>(row.Errors, JsonSerializerOptions.Web) ?? [])
            {
                var line = new[] { CsvText.Field(error.Row, isText: false), CsvText.Field(error.Column, isText: true), CsvText.Field(error.Field, isText: true), CsvText.Field(error.Message, isText: true) }
                    .Concat(row.Cells.Select(c => CsvText.Field(c, isText: true)));
                await writer.WriteAsync(CsvText.Line(line));
            }
            await writer.FlushAsync(ct);
            if (rows.Count < PageSize) break;
            after = rows[^1].RowNumber;
        }
    }
}
