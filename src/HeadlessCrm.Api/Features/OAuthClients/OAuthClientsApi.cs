using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Paging;

namespace HeadlessCrm.Api.Features.OAuthClients;

public static class OAuthClientsApi
{
    public static IEndpointRouteBuilder MapOAuthClients(this IEndpointRouteBuilder app)
    {
        var clients = app.MapGroup("/api/v1/oauth-clients").WithTags("OAuthClients");

        clients.MapPost("", async (OAuthClientInput body, OAuthClientUseCases useCases, CancellationToken ct) =>
            {
                var issued = await useCases.CreateAsync(body, ct);
                return TypedResults.Created($"/api/v1/oauth-clients/{issued.Client.Id}", issued);
            })
            .WithName("CreateOAuthClient").WithSummary("Register an application (a confidential client's secret is shown only now)")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireScope(Scopes.Admin);

        clients.MapGet("", async (OAuthClientUseCases useCases, CancellationToken ct) =>
                TypedResults.Ok(new Page<OAuthClientDto>(await useCases.ListAsync(ct), null)))
            .WithName("ListOAuthClients").WithSummary("List the workspace's applications (without secrets)")
            .RequireScope(Scopes.Admin);

        clients.MapGet("/{id:guid}", async (Guid id, OAuthClientUseCases useCases, CancellationToken ct) =>
                TypedResults.Ok(await useCases.GetAsync(id, ct)))
            .WithName("GetOAuthClient").WithSummary("Get an application")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(Scopes.Admin);

        clients.MapPost("/{id:guid}/secret", async (Guid id, OAuthClientUseCases useCases, CancellationToken ct) =>
                TypedResults.Ok(await useCases.RotateSecretAsync(id, ct)))
            .WithName("RotateOAuthClientSecret").WithSummary("Replace a confidential client's secret (the new one is shown only now; the old one stops at once)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireScope(Scopes.Admin);

        clients.MapDelete("/{id:guid}", async (Guid id, OAuthClientUseCases useCases, CancellationToken ct) =>
            {
                await useCases.DeleteAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteOAuthClient").WithSummary("Delete an application: its grants end and its access tokens stop working")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(Scopes.Admin);
        return clients;
    }
}
