using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Http;
using HeadlessCrm.Api.Features.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace HeadlessCrm.Api.Features.Import;

public static class ImportsApi
{
    /// <summary>
    /// Imports, in two steps as bulk APIs do: <c>POST /imports</c> with the job (object, column mapping, upsert key, dry
    /// run), then <c>PUT /imports/{id}/file</c> with the CSV as the body. Then poll, download errors, or cancel.
    /// </summary>
    public static IEndpointRouteBuilder MapImports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/imports").WithTags("Imports").RequireScope(Scopes.Import);
        var maxBytes = app.ServiceProvider.GetRequiredService<IOptions<ImportOptions>>().Value.MaxBytes;

        group.MapPost("", async (ImportJobInput body, ImportUseCases imports, CancellationToken ct) =>
            {
                var created = await imports.CreateAsync(body, ct);
                return TypedResults.Created($"/api/v1/imports/{created.Id}", created);
            })
            .WithName("CreateImport")
            .WithSummary("Create a CSV import (record type, column mapping, upsert key, dry run); then PUT its file")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPut("/{id:guid}/file", async Task<Results<Accepted<ImportJobDto>, ProblemHttpResult>> (
                Guid id, HttpRequest request, ImportUpload upload, CancellationToken ct) =>
            {
                if (!IsCsv(request.ContentType))
                    return TypedResults.Problem(Problems.Create(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                        "Send the file as the body, with Content-Type: text/csv (UTF-8)."));
                var job = await upload.UploadAsync(id, request, ct);
                return TypedResults.Accepted($"/api/v1/imports/{id}", job);
            })
            .WithName("UploadImportFile")
            .WithSummary($"Upload the import's CSV (text/csv, UTF-8, header row first, up to {maxBytes} bytes); the import is queued")
            .Accepts<string>("text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithMetadata(new RequestBodyLimit.Override(maxBytes));

        group.MapGet("", async (string? limit, string? cursor, ImportUseCases imports, CancellationToken ct) =>
                TypedResults.Ok(await imports.ListAsync(ListRequest.ParseLimit(limit), cursor, ct)))
            .WithName("ListImports").WithSummary("List imports, newest first (yours; the workspace's for admins and integrations)")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/{id:guid}", async (Guid id, ImportUseCases imports, CancellationToken ct) => TypedResults.Ok(await imports.GetAsync(id, ct)))
            .WithName("GetImport").WithSummary("An import's status and progress (rows total, done, created, updated, failed)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}/errors.csv", async (Guid id, HttpContext http, ImportErrorsCsv errors, CancellationToken ct) =>
            {
                await errors.WriteAsync(id, http, ct);
                return Results.Empty;
            })
            .WithName("GetImportErrors").WithSummary("The failed rows as CSV: row, column, field, message, then the row's cells")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/cancel", async (Guid id, ImportUseCases imports, CancellationToken ct) => TypedResults.Ok(await imports.CancelAsync(id, ct)))
            .WithName("CancelImport").WithSummary("Stop an import after the chunk running now; rows already imported stay")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }

    private static bool IsCsv(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase);
}
