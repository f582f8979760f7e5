using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.Graph;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.Api.Features.Erasure;

/// <summary>GDPR erasure through GraphQL (crm.admin), as REST's POST /api/v1/contacts/{id}/erase.</summary>
public static class ErasureGraph
{
    public static SchemaBuilder AddErasure(this SchemaBuilder builder) => builder
        .Object<ErasureResult>("ContactErasure", t => t
            .Description("What an erasure removed: ids and counts only, nothing of the person.")
            .Field("contactId", "UUID!")
            .Field("erasedContactIds", "[UUID!]!", f => f.Description("The contact and the records merged into it (the same person)."))
            .Field("activitiesDeleted", "Int!")
            .Field("activitiesScrubbed", "Int!", f => f.Description("Activities that belong to a company or deal too: unlinked and blanked."))
            .Field("reimportBlocked", "Boolean!"))
        .AddPayload<ErasureResult>("EraseContactPayload", t => t.Field("erasure", "ContactErasure", p => p.Record))
        .Mutation(m => m.Field("eraseContact", "EraseContactPayload", f => f
            .Description("Permanently erases a contact and their personal data (GDPR), audited (needs crm.admin).")
            .Argument("id", "ID!")
            .ArgumentWithDefault("blockReimport", "Boolean", false, "Keep a one-way hash of each email address so the person cannot be created or imported again.")
            .IdempotencyKeyArgument()
            .ResolveAsync(c => Mutations.IdempotentAsync(c.Inner, () => c.Service<ContactErasure>().EraseAsync(
                GlobalId.Of(ContactGraph.TypeName, c.Argument<string>("id")), c.Argument<bool?>("blockReimport") ?? false, c.CancellationToken)))));
}
