using System.Text.Json;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Paging;

namespace HeadlessCrm.Api.Features.CustomFields;

public static class CustomFieldsApi
{
    public static IEndpointRouteBuilder MapCustomFields(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/custom-fields").WithTags("CustomFields");

        // Reading definitions needs the read scope of their record type, checked by the use case per type.
        group.MapGet("", async (string? @object, bool? archived, CustomFieldUseCases fields, CancellationToken ct) =>
                TypedResults.Ok(new Page<CustomFieldDto>(await fields.ListAsync(@object, archived ?? false, ct), null)))
            .WithName("ListCustomFields").WithSummary("List custom field definitions (of the record types you may read)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireAuthorization();

        group.MapGet("/{id:guid}", async (Guid id, CustomFieldUseCases fields, CancellationToken ct) => TypedResults.Ok(await fields.GetAsync(id, ct)))
            .WithName("GetCustomField").WithSummary("Get a custom field definition")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization();

        group.MapPost("", async (CustomFieldInput body, CustomFieldUseCases fields, CancellationToken ct) =>
            {
                var created = await fields.CreateAsync(body, ct);
                return TypedResults.Created($"/api/v1/custom-fields/{created.Id}", created);
            })
            .WithName("CreateCustomField").WithSummary("Define a custom field of contacts, companies, deals or activities")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireScope(Scopes.Admin);

        group.MapPatch("/{id:guid}", async (Guid id, JsonElement body, CustomFieldUseCases fields, CancellationToken ct) =>
                TypedResults.Ok(await fields.UpdateAsync(id, RecordEndpoints.RequireObject(body), ct)))
            .WithName("UpdateCustomField").WithSummary("Change a custom field's label, required flag or options (options are only added)")
            .Accepts<CustomFieldInput>("application/merge-patch+json", "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireScope(Scopes.Admin);

        group.MapDelete("/{id:guid}", async (Guid id, CustomFieldUseCases fields, CancellationToken ct) =>
            {
                await fields.ArchiveAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteCustomField").WithSummary("Archive a custom field and remove its values from every record")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(Scopes.Admin);

        return app;
    }
}
