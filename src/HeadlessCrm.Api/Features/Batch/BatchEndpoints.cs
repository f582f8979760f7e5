using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HeadlessCrm.Api.Features.Batch;

public static class BatchEndpoints
{
    /// <summary>POST …/batch: up to 100 creates, updates, upserts and archives with a result each (200), or — atomic and failing — a 422 and nothing written.</summary>
    public static RouteGroupBuilder MapRecordBatch<TEntity, TDto, TInput, TUseCases>(this RouteGroupBuilder group, RecordType<TEntity, TDto> type)
        where TEntity : CrmRecord where TDto : IVersioned, IRecord where TUseCases : notnull, IRecordUseCases<TInput, TDto>
    {
        group.MapPost("/batch", async Task<Results<Ok<BatchResult>, ProblemHttpResult>> (
                BatchRequest body, HttpContext http, RecordBatch batch, CancellationToken ct) =>
            {
                var useCases = http.RequestServices.GetRequiredService<TUseCases>();
                var (result, committed) = await batch.RunAsync(type, useCases, body, ct);
                if (committed) return TypedResults.Ok(result);
                var errors = result.FailureErrors();
                var problem = Problems.Create(StatusCodes.Status422UnprocessableEntity, "The batch was not applied",
                    $"{result.Failed} of {result.Results.Count} operations failed and the batch is atomic, so none took effect.", errors);
                problem.Extensions["results"] = result.Results;
                return TypedResults.Problem(problem);
            })
            .WithName($"Batch{RecordEndpoints.Pascal(type.Plural)}")
            .WithSummary($"Create, update, upsert or archive up to {BatchRequest.MaxOperations} {type.Plural} in one call")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireScope(type.WriteScope);
        return group;
    }
}
