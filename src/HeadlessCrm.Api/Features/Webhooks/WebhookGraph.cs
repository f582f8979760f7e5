using HeadlessCrm.Api.Features.Graph;
using HeadlessCrm.Api.Infrastructure.Json;
using HeadlessCrm.GraphQL.Execution;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.Api.Features.Webhooks;

/// <summary>Webhook subscriptions in GraphQL (crm.webhooks.manage), as REST's /api/v1/webhooks: the secret is shown once.</summary>
public static class WebhookGraph
{
    public const string TypeName = "Webhook";

    public static readonly Relay.NodeLoader Load = IdFields.NodeLoader<WebhookUseCases, WebhookDto>("webhook", (webhooks, id, ct) => webhooks.GetAsync(id, ct));

    public static SchemaBuilder AddWebhooks(this SchemaBuilder builder) => builder
        .Object<WebhookDto>(TypeName, t => t
            .Description("A subscription: events of these types are signed and posted to targetUrl, retried until delivered.")
            .Implements("Node")
            .GlobalIdFields(TypeName, w => w.Id)
            .Field("targetUrl", "String!")
            .Field("eventTypes", "[String!]!")
            .Field("pipelineId", "UUID", f => f.Description("Only deal events of this pipeline, when set."))
            .Field("ownerId", "UUID", f => f.Description("Only events of records this member owns, when set."))
            .Field("status", "String!", f => f.Description("active, or paused (by a person, or after repeated failures: see pausedReason)."))
            .Field("pausedReason", "String")
            .Field("consecutiveFailures", "Int!")
            .Field("createdAt", "DateTime!")
            .Field("updatedAt", "DateTime!"))
        .Query(q => q.Field("webhooks", "[Webhook!]", f => f
            .Description("The workspace's live webhook subscriptions, oldest first (needs crm.webhooks.manage).")
            .ResolveAsync(c => c.Service<WebhookUseCases>().ListAsync(c.CancellationToken))))
        .AddPayload<WebhookDto>(TypeName, "webhook")
        .AddPayload<WebhookWithSecretDto>("WebhookSecretPayload", t => t
            .Field("webhook", "Webhook", p => p.Record?.Webhook)
            .Field("secret", "String", p => p.Record?.Secret, "The signing secret (whsec_…): shown only now."))
        .AddCreateAndUpdateInputs(TypeName, i => i
            .Field("targetUrl", "String", "An https URL on the public internet.")
            .Field("eventTypes", "[String!]", "Event types (docs/webhooks.md), or * for all.")
            .Field("pipelineId", "UUID")
            .Field("ownerId", "UUID"))
        .InputObject("ReplayWebhookInput", i => i
            .Description("One event (eventId), or every event of a time range the subscription wants (from, to).")
            .Field("eventId", "UUID")
            .Field("from", "DateTime")
            .Field("to", "DateTime"))
        .AddPayload<ReplayResult>("ReplayWebhookPayload", t => t
            .Field("scheduled", "Int", p => p.Record?.Scheduled, "How many deliveries were scheduled."))
        .Mutation(m => m
            .Field("createWebhook", "WebhookSecretPayload", f => f
                .Description("Subscribes a URL to events, as POST /api/v1/webhooks (needs crm.webhooks.manage).")
                .Argument("input", "CreateWebhookInput!")
                .IdempotencyKeyArgument()
                .ResolveAsync(c => Mutations.IdempotentAsync(c.Inner, () =>
                    c.Service<WebhookUseCases>().CreateAsync(RequestJson.Read<WebhookInput>(Inputs.Body(c.Inner, "input")), c.CancellationToken))))
            .Field("updateWebhook", "WebhookPayload", f => f
                .Description("Changes a subscription's URL, event types or filters: fields left out stay, fields set to null are cleared.")
                .Argument("id", "ID!")
                .Argument("patch", "UpdateWebhookInput!")
                .ResolveAsync(c => Mutations.RunAsync(() =>
                    c.Service<WebhookUseCases>().UpdateAsync(Id(c.Inner), Inputs.Body(c.Inner, "patch"), c.CancellationToken))))
            .Field("deleteWebhook", "DeletePayload", f => f
                .Description("Stops a subscription; pending deliveries are dropped.")
                .Argument("id", "ID!")
                .ResolveAsync(c => Mutations.DeleteAsync(TypeName, c.Argument<string>("id"),
                    id => c.Service<WebhookUseCases>().ArchiveAsync(id, c.CancellationToken))))
            .Field("rotateWebhookSecret", "WebhookSecretPayload", f => f
                .Description("Replaces the signing secret; the old one stops signing at once.")
                .Argument("id", "ID!")
                .IdempotencyKeyArgument()
                .ResolveAsync(c => Mutations.IdempotentAsync(c.Inner, () => c.Service<WebhookUseCases>().RotateSecretAsync(Id(c.Inner), c.CancellationToken))))
            .Field("pauseWebhook", "WebhookPayload", f => f
                .Description("Pauses deliveries.")
                .Argument("id", "ID!")
                .IdempotencyKeyArgument()
                .ResolveAsync(c => Mutations.IdempotentAsync(c.Inner, () => c.Service<WebhookUseCases>().SetPausedAsync(Id(c.Inner), true, c.CancellationToken))))
            .Field("resumeWebhook", "WebhookPayload", f => f
                .Description("Resumes a paused subscription (replay what it missed if needed).")
                .Argument("id", "ID!")
                .IdempotencyKeyArgument()
                .ResolveAsync(c => Mutations.IdempotentAsync(c.Inner, () => c.Service<WebhookUseCases>().SetPausedAsync(Id(c.Inner), false, c.CancellationToken))))
            .Field("replayWebhook", "ReplayWebhookPayload", f => f
                .Description("Delivers one event, or every wanted event of a time range, again.")
                .Argument("id", "ID!")
                .Argument("input", "ReplayWebhookInput!")
                .IdempotencyKeyArgument()
                .ResolveAsync(c => Mutations.IdempotentAsync(c.Inner, () => c.Service<WebhookUseCases>().ReplayAsync(
                    Id(c.Inner), RequestJson.Read<ReplayInput>(Inputs.Body(c.Inner, "input")), c.CancellationToken)))));

    private static Guid Id(IResolveContext context) => GlobalId.Of(TypeName, context.Argument<string>("id"));
}
