using System.Text.Json;
using HeadlessCrm.Api.Features.Batch;
using HeadlessCrm.Api.Features.Export;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using HeadlessCrm.Api.Infrastructure.Json;
using HeadlessCrm.Api.Infrastructure.OpenApi;
using HeadlessCrm.Api.Infrastructure.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Records;

/// <summary>The REST routes every record type shares: list, search, get, archive (DELETE) and restore.</summary>
public static class RecordEndpoints
{
    public static RouteGroupBuilder MapRecordRoutes<TEntity, TDto>(this IEndpointRouteBuilder app, RecordType<TEntity, TDto> type)
        where TEntity : CrmRecord where TDto : IVersioned
    {
        var tag = Pascal(type.Plural);
        var group = app.MapGroup($"/api/v1/{type.Plural}").WithTags(tag);

        group.MapGet("", async (HttpContext http, RecordReader reader, CancellationToken ct) =>
                TypedResults.Ok(await reader.ListAsync(type, ListRequest.FromQuery(http.Request.Query, type.Parameters), ct)))
            .WithName($"List{tag}")
            .WithSummary($"List {type.Plural}")
            .WithDescription($"Keyset-paged; filters: {string.Join(", ", type.Parameters.Select(p => p.Name))}.")
            .WithMetadata(new ListParametersMetadata(type.Parameters, type.Sorts.Names, type.Sorts.Default))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireScope(type.ReadScope);

        group.MapPost("/search", async (SearchRequest body, RecordReader reader, CancellationToken ct) =>
                TypedResults.Ok(await reader.ListAsync(type, body.ToListRequest(), ct)))
            .WithName($"Search{tag}")
            .WithSummary($"Search {type.Plural} with a filter tree")
            .WithDescription($"Fields: {string.Join(", ", type.Filters.Fields.Select(f => $"{f.Name} ({f.Describe()})"))}. Sorts: {string.Join(", ", type.Sorts.Names)}.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireScope(type.ReadScope);

        group.MapGet("/{id:guid}", async Task<Results<Ok<TDto>, StatusCodeHttpResult>> (
                Guid id, HttpContext http, RecordReader reader, CancellationToken ct) =>
            {
                var record = await reader.GetAsync(type, id, ct);
                if (ETags.MatchesIfNoneMatch(http.Request.Headers.IfNoneMatch, record.Version))
                {
                    http.Response.Headers.ETag = ETags.Format(record.Version);
                    return TypedResults.StatusCode(StatusCodes.Status304NotModified);
                }
                return Versioned(http, record);
            })
            .WithName($"Get{Pascal(type.Name)}")
            .WithSummary($"Get a {type.Name}")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(type.ReadScope);

        group.MapDelete("/{id:guid}", async (Guid id, [FromHeader(Name = "If-Match")] string? ifMatch,
                RecordLifecycle lifecycle, CancellationToken ct) =>
            {
                await lifecycle.ArchiveAsync(type, id, ifMatch, ct);
                return TypedResults.NoContent();
            })
            .WithName($"Archive{Pascal(type.Name)}")
            .WithSummary($"Archive a {type.Name} (restorable)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .RequireScope(type.WriteScope);

        group.MapPost("/{id:guid}/restore", async (Guid id, [FromHeader(Name = "If-Match")] string? ifMatch,
                HttpContext http, RecordLifecycle lifecycle, CancellationToken ct) =>
                Versioned(http, await lifecycle.RestoreAsync(type, id, ifMatch, ct)))
            .WithName($"Restore{Pascal(type.Name)}")
            .WithSummary($"Restore an archived {type.Name}")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .RequireScope(type.WriteScope);

        return group.MapCsvExport(type);
    }

    /// <summary>POST (create, 201 + Location + ETag) and PATCH (JSON merge patch, honouring If-Match).</summary>
    public static RouteGroupBuilder MapRecordWrites<TEntity, TDto, TInput, TUseCases>(this RouteGroupBuilder group, RecordType<TEntity, TDto> type)
        where TEntity : CrmRecord where TDto : IVersioned, IRecord where TUseCases : notnull, IRecordUseCases<TInput, TDto>
    {
        var name = Pascal(type.Name);
        // The body and the use cases are resolved here, not bound as parameters: the route-handler analyzer
        // (ASP.NET Core 10) crashes on parameters whose type is a type parameter.
        group.MapPost("", async (JsonElement body, HttpContext http, CancellationToken ct) =>
            {
                var input = RequestJson.Read<TInput>(body);
                var record = await http.RequestServices.GetRequiredService<TUseCases>().CreateAsync(input, ct);
                return Created(http, type.Plural, record.Id, record);
            })
            .Accepts(typeof(TInput), "application/json")
            .WithName($"Create{name}")
            .WithSummary($"Create a {type.Name}")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireScope(type.WriteScope);

        group.MapPatch("/{id:guid}", async (Guid id, JsonElement body, [FromHeader(Name = "If-Match")] string? ifMatch,
                HttpContext http, CancellationToken ct) =>
                Versioned(http, await http.RequestServices.GetRequiredService<TUseCases>().UpdateAsync(id, ifMatch, RequireObject(body), ct)))
            .WithName($"Update{name}")
            .WithSummary($"Change a {type.Name} (JSON merge patch)")
            .Accepts(typeof(TInput), "application/merge-patch+json", "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireScope(type.WriteScope);
        return group.MapRecordBatch<TEntity, TDto, TInput, TUseCases>(type);
    }

    /// <summary>
    /// A list of the records related to one record (a company's contacts, a contact's deals), with the related type's
    /// filters, sorts and paging. The owning record must be visible: otherwise 404, as for a read.
    /// </summary>
    public static RouteHandlerBuilder MapRelatedList<TEntity, TDto, TOwner, TOwnerDto>(
        this RouteGroupBuilder group, string pattern, string name, string summary,
        RecordType<TEntity, TDto> type, Func<CrmDbContext, Guid, IQueryable<TEntity>> related, RecordType<TOwner, TOwnerDto> owner)
        where TEntity : CrmRecord where TDto : IVersioned where TOwner : CrmRecord where TOwnerDto : IVersioned =>
        group.MapGet(pattern, async (Guid id, HttpContext http, CrmDbContext db, RecordReader reader, CancellationToken ct) =>
            {
                await reader.GetAsync(owner, id, ct);
                return TypedResults.Ok(await reader.ListAsync(type, related(db, id).AsNoTracking(),
                    ListRequest.FromQuery(http.Request.Query, type.Parameters), ct));
            })
            .WithName(name)
            .WithSummary(summary)
            .WithMetadata(new ListParametersMetadata(type.Parameters, type.Sorts.Names, type.Sorts.Default))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(type.ReadScope);

    /// <summary>POST: 201 with Location and ETag.</summary>
    public static Created<TDto> Created<TDto>(HttpContext http, string plural, Guid id, TDto record) where TDto : IVersioned
    {
        http.Response.Headers.ETag = ETags.Format(record.Version);
        return TypedResults.Created($"/api/v1/{plural}/{id}", record);
    }

    /// <summary>A record with its ETag.</summary>
    public static Ok<TDto> Versioned<TDto>(HttpContext http, TDto record) where TDto : IVersioned
    {
        http.Response.Headers.ETag = ETags.Format(record.Version);
        return TypedResults.Ok(record);
    }

    public static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    /// <summary>PATCH bodies are merge patches: any JSON object, checked field by field by <see cref="MergePatch"/>.</summary>
    public static JsonElement RequireObject(JsonElement body) => body.ValueKind == JsonValueKind.Object
        ? body
        : throw new InvalidQueryException("body", "Expected a JSON object.");
}
