using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;

namespace HeadlessCrm.Api.Features.Export;

public static class ExportEndpoints
{
    /// <summary>GET …/export.csv: the list (same filters and sort, plus a JSON <c>filter</c> tree) as streamed CSV.</summary>
    public static RouteGroupBuilder MapCsvExport<TEntity, TDto>(this RouteGroupBuilder group, RecordType<TEntity, TDto> type)
        where TEntity : CrmRecord where TDto : IVersioned
    {
        group.MapGet("/export.csv", async (HttpContext http, CsvExport export, CancellationToken ct) =>
            {
                await export.WriteAsync(type, http, ct);
                return Results.Empty;
            })
            .WithName($"Export{RecordEndpoints.Pascal(type.Plural)}Csv")
            .WithSummary($"Export {type.Plural} as CSV (streamed; the list's filters and sort, or a filter tree in 'filter')")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireScope(Scopes.Import);
        return group;
    }
}
