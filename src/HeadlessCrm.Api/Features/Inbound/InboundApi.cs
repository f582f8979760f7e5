using HeadlessCrm.Api.Infrastructure.Access;

namespace HeadlessCrm.Api.Features.Inbound;

public static class InboundApi
{
    public static IEndpointRouteBuilder MapInbound(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Inbound");

        group.MapPost("/calls", async (CallInput body, CallLogging calls, CancellationToken ct) =>
            {
                var (call, created) = await calls.LogAsync(body, ct);
                return created
                    ? Results.Created($"/api/v1/activities/{call.Activity.Id}", call)
                    : Results.Ok(call);
            })
            .WithName("LogCall").WithSummary("Log a call from a telephony system, matched to a contact by phone number (200 if its externalId was logged before)")
            .Produces<LoggedCall>(StatusCodes.Status201Created)
            .Produces<LoggedCall>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireScope(Scopes.ActivitiesWrite);

        group.MapPost("/emails", async (EmailInput body, EmailLogging emails, CancellationToken ct) =>
            {
                var (email, created) = await emails.LogAsync(body, ct);
                return created
                    ? Results.Created($"/api/v1/activities/{email.Activity.Id}", email)
                    : Results.Ok(email);
            })
            .WithName("LogEmail").WithSummary("Log an email, matched to contacts by address (200 if its externalId was logged before)")
            .Produces<LoggedEmail>(StatusCodes.Status201Created)
            .Produces<LoggedEmail>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireScope(Scopes.ActivitiesWrite);

        return app;
    }
}
