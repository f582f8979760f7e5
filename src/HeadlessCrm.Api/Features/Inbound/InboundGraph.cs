using HeadlessCrm.Api.Features.Graph;
using HeadlessCrm.Api.Infrastructure.Json;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.Api.Features.Inbound;

/// <summary>Logging calls and emails through GraphQL (crm.activities.write), as REST's POST /api/v1/calls and /api/v1/emails.</summary>
public static class InboundGraph
{
    /// <summary>A logged call and whether it was logged now (false: its externalId was logged before; REST's 200 instead of 201).</summary>
    public sealed record CallLogged(LoggedCall Call, bool Created);

    /// <summary>A logged email and whether it was logged now.</summary>
    public sealed record EmailLogged(LoggedEmail Email, bool Created);

    public static SchemaBuilder AddInbound(this SchemaBuilder builder) => builder
        .InputObject("LogCallInput", i => i
            .Description("A call as a telephony system reports it; the other party is from on inbound calls, to on outbound ones.")
            .Field("externalId", "String", "The telephony system's call id: the same id again finds the call already logged.")
            .Field("direction", "ActivityDirection")
            .Field("from", "String")
            .Field("to", "String")
            .Field("durationSeconds", "Int")
            .Field("outcome", "String", "e.g. connected, no_answer, busy, left_voicemail.")
            .Field("recordingUrl", "String")
            .Field("occurredAt", "DateTime", "When the call started; now if not given.")
            .Field("subject", "String")
            .Field("body", "String")
            .Field("ownerId", "UUID", "Defaults to the matched contact's owner, else the calling member."))
        .InputObject("LogEmailInput", i => i
            .Description("An email as a mail system or client logs it.")
            .Field("externalId", "String", "e.g. the Message-ID: the same id again finds the email already logged.")
            .Field("from", "String")
            .Field("to", "[String!]")
            .Field("cc", "[String!]")
            .Field("subject", "String")
            .Field("body", "String")
            .Field("direction", "ActivityDirection", "Inbound when the sender is a contact, else outbound, if not given.")
            .Field("occurredAt", "DateTime")
            .Field("ownerId", "UUID"))
        .AddPayload<CallLogged>("LogCallPayload", t => t
            .Field("activity", "Activity", p => p.Record?.Call.Activity)
            .Field("phoneNumber", "String", p => p.Record?.Call.PhoneNumber, "The other party's number in E.164.")
            .Field("matchedContactId", "UUID", p => p.Record?.Call.MatchedContactId)
            .Field("created", "Boolean", p => p.Record?.Created, "False when its externalId was logged before (nothing new was written)."))
        .AddPayload<EmailLogged>("LogEmailPayload", t => t
            .Field("activity", "Activity", p => p.Record?.Email.Activity)
            .Field("matchedContactIds", "[UUID!]", p => p.Record?.Email.MatchedContactIds, "Every contact an address matched.")
            .Field("created", "Boolean", p => p.Record?.Created, "False when its externalId was logged before (nothing new was written)."))
        .Mutation(m => m
            .Field("logCall", "LogCallPayload", f => f
                .Description("Logs a call, matched to a contact by phone number, as POST /api/v1/calls (needs crm.activities.write).")
                .Argument("input", "LogCallInput!")
                .IdempotencyKeyArgument()
                .ResolveAsync(c => Mutations.IdempotentAsync(c.Inner, async () =>
                {
                    var (call, created) = await c.Service<CallLogging>().LogAsync(RequestJson.Read<CallInput>(Inputs.Body(c.Inner, "input")), c.CancellationToken);
                    return new CallLogged(call, created);
                })))
            .Field("logEmail", "LogEmailPayload", f => f
                .Description("Logs an email, matched to contacts by address, as POST /api/v1/emails (needs crm.activities.write).")
                .Argument("input", "LogEmailInput!")
                .IdempotencyKeyArgument()
                .ResolveAsync(c => Mutations.IdempotentAsync(c.Inner, async () =>
                {
                    var (email, created) = await c.Service<EmailLogging>().LogAsync(RequestJson.Read<EmailInput>(Inputs.Body(c.Inner, "input")), c.CancellationToken);
                    return new EmailLogged(email, created);
                }))));
}
