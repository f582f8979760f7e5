using System.Text.Json;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Paging;

namespace HeadlessCrm.Api.Features.Webhooks;

public static class WebhooksApi
{
    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/webhooks").WithTags("Webhooks");

        group.MapGet("", async (WebhookUseCases webhooks, CancellationToken ct) =>
                TypedResults.Ok(new Page<WebhookDto>(await webhooks.ListAsync(ct), null)))
            .WithName("ListWebhooks").WithSummary("List webhook subscriptions")
            .RequireScope(Scopes.WebhooksManage);

        group.MapGet("/{id:guid}", async (Guid id, WebhookUseCases webhooks, CancellationToken ct) => TypedResults.Ok(await webhooks.GetAsync(id, ct)))
            .WithName("GetWebhook").WithSummary("Get a webhook subscription")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(Scopes.WebhooksManage);

        group.MapPost("", async (WebhookInput body, WebhookUseCases webhooks, CancellationToken ct) =>
            {
                var created = await webhooks.CreateAsync(body, ct);
                return TypedResults.Created($"/api/v1/webhooks/{created.Webhook.Id}", created);
            })
            .WithName("CreateWebhook").WithSummary("Subscribe a URL to events (the signing secret is shown only now)")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireScope(Scopes.WebhooksManage);

        group.MapPatch("/{id:guid}", async (Guid id, JsonElement body, WebhookUseCases webhooks, CancellationToken ct) =>
                TypedResults.Ok(await webhooks.UpdateAsync(id, RecordEndpoints.RequireObject(body), ct)))
            .WithName("UpdateWebhook").WithSummary("Change a subscription's URL, event types or filters (JSON merge patch)")
            .Accepts<WebhookInput>("application/merge-patch+json", "application/json")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireScope(Scopes.WebhooksManage);

        group.MapDelete("/{id:guid}", async (Guid id, WebhookUseCases webhooks, CancellationToken ct) =>
            {
                await webhooks.ArchiveAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteWebhook").WithSummary("Stop a subscription (pending deliveries are dropped)")
            .RequireScope(Scopes.WebhooksManage);

        group.MapPost("/{id:guid}/rotate-secret", async (Guid id, WebhookUseCases webhooks, CancellationToken ct) =>
                TypedResults.Ok(await webhooks.RotateSecretAsync(id, ct)))
            .WithName("RotateWebhookSecret").WithSummary("Replace the signing secret (shown only now)")
            .RequireScope(Scopes.WebhooksManage);

        group.MapPost("/{id:guid}/pause", async (Guid id, WebhookUseCases webhooks, CancellationToken ct) =>
                TypedResults.Ok(await webhooks.SetPausedAsync(id, true, ct)))
            .WithName("PauseWebhook").WithSummary("Pause deliveries")
            .RequireScope(Scopes.WebhooksManage);

        group.MapPost("/{id:guid}/resume", async (Guid id, WebhookUseCases webhooks, CancellationToken ct) =>
                TypedResults.Ok(await webhooks.SetPausedAsync(id, false, ct)))
            .WithName("ResumeWebhook").WithSummary("Resume a paused subscription (replay what it missed if needed)")
            .RequireScope(Scopes.WebhooksManage);

        group.MapGet("/{id:guid}/deliveries", async (Guid id, string? status, int? limit, string? cursor, WebhookUseCases webhooks, CancellationToken ct) =>
                TypedResults.Ok(await webhooks.DeliveriesAsync(id, status, ListRequest.CheckLimit(limit ?? ListRequest.DefaultLimit), cursor, ct)))
            .WithName("ListWebhookDeliveries").WithSummary("The delivery log: status, attempts, response code, latency; newest first")
            .RequireScope(Scopes.WebhooksManage);

        group.MapPost("/{id:guid}/replay", async (Guid id, ReplayInput body, WebhookUseCases webhooks, CancellationToken ct) =>
                TypedResults.Ok(await webhooks.ReplayAsync(id, body, ct)))
            .WithName("ReplayWebhook").WithSummary("Deliver one event, or every wanted event of a time range, again")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireScope(Scopes.WebhooksManage);

        return app;
    }
}
