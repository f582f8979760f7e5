using HeadlessCrm.Api.Infrastructure.Access;

namespace HeadlessCrm.Api.Features.Erasure;

public static class ErasureApi
{
    public static IEndpointRouteBuilder MapErasure(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/contacts/{id:guid}/erase", async (Guid id, EraseInput? body, ContactErasure erasure, CancellationToken ct) =>
                TypedResults.Ok(await erasure.EraseAsync(id, body?.BlockReimport ?? false, ct)))
            .WithTags("Contacts").WithName("EraseContact")
            .WithSummary("Permanently erase a contact and their personal data (GDPR); optionally block re-import of their emails")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(Scopes.Admin);
        return app;
    }
}
