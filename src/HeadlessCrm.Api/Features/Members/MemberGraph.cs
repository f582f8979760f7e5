using HeadlessCrm.Api.Features.Graph;
using HeadlessCrm.Api.Infrastructure.Json;
using HeadlessCrm.GraphQL.Execution;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.Api.Features.Members;

/// <summary>The workspace's members in GraphQL, and their administration (crm.admin) as REST's /api/v1/members.</summary>
public static class MemberGraph
{
    public const string TypeName = "Member";

    public static SchemaBuilder AddMembers(this SchemaBuilder builder) => builder
        .Object<MemberDto>(TypeName, t => t
            .Description("A person who signs in to the workspace, with a role (admin, manager, rep) and maybe a team.")
            .RecordFields(TypeName)
            .Field("email", "String!")
            .Field("name", "String!")
            .Field("role", "MemberRole!")
            .Field("teamId", "UUID")
            .Field("canSignIn", "Boolean!")
            .Field("invitationPending", "Boolean!")
            .TimestampFields())
        .AddConnection<MemberDto>(TypeName)
        .AddOrder(TypeName, MemberUseCases.Sorts.Names)
        .Query(q => q.Field("members", "MemberConnection", f => f
            .Description("The workspace's members (needs crm.members.read).")
            .ListArgumentsOf(TypeName, "members")
            .ResolveAsync(async c =>
            {
                var request = ListArguments.From(c.Inner);
                var members = c.Service<MemberUseCases>();
                var page = await members.ListAsync(request, c.CancellationToken);
                return new Connection<MemberDto>(page, ct => members.CountAsync(request, ct));
            })))
        .AddMemberMutations();

    private static SchemaBuilder AddMemberMutations(this SchemaBuilder builder) => builder
        .AddPayload<MemberDto>(TypeName, "member")
        .AddCreateAndUpdateInputs(TypeName, i => i
            .Field("email", "String")
            .Field("name", "String")
            .Field("role", "MemberRole", "Defaults to REP.")
            .Field("teamId", "UUID")
            .Field("password", "String", "At least 12 characters; write-only. Leave it out and invite the member instead."))
        .Object<InvitationDto>("Invitation", t => t
            .Description("A one-time invitation: give token to the person (e.g. in a link) to choose a password; shown only now.")
            .Field("memberId", "UUID!")
            .Field("token", "String!")
            .Field("expiresAt", "DateTime!"))
        .AddPayload<InvitationDto>("InviteMemberPayload", t => t.Field("invitation", "Invitation", p => p.Record))
        .InputObject("HandOverInput", i => i
            .Description("Whose records go to whom: all, some record types, or a filtered set per type.")
            .Field("toMemberId", "UUID", "An active member.")
            .Field("recordTypes", "[String!]", "Some of companies, contacts, deals, activities; all of them when left out.")
            .Field("filters", "JSON", "Per record type, a filter tree as search takes it: {\"deals\": {\"field\": \"status\", \"value\": \"open\"}}."))
        .Object<IReadOnlyDictionary<string, int>>("HandOverCounts", t => t
            .Description("How many records of each type changed hands; null for a type not handed over.")
            .Field("companies", "Int", m => Count(m, "companies"))
            .Field("contacts", "Int", m => Count(m, "contacts"))
            .Field("deals", "Int", m => Count(m, "deals"))
            .Field("activities", "Int", m => Count(m, "activities")))
        .Object<HandOverResult>("HandOver", t => t
            .Field("fromMemberId", "UUID!")
            .Field("toMemberId", "UUID!")
            .Field("moved", "HandOverCounts!"))
        .AddPayload<HandOverResult>("HandOverPayload", t => t.Field("handOver", "HandOver", p => p.Record))
        .Mutation(m => m
            .Field("createMember", "MemberPayload", f => f
                .Description("Adds a member (with a password, or invite them afterwards), as POST /api/v1/members (needs crm.admin).")
                .Argument("input", "CreateMemberInput!")
                .IdempotencyKeyArgument()
                .ResolveAsync(c => Mutations.IdempotentAsync(c.Inner, () =>
                    c.Service<MemberUseCases>().CreateAsync(RequestJson.Read<MemberInput>(Inputs.Body(c.Inner, "input")), c.CancellationToken))))
            .Field("updateMember", "MemberPayload", f => f
                .Description("Changes a member's name, email, role, team or password, as PATCH /api/v1/members/{id} (needs crm.admin).")
                .Argument("id", "ID!")
                .Argument("patch", "UpdateMemberInput!")
                .IfMatchArgument()
                .ResolveAsync(c => Mutations.RunAsync(() => c.Service<MemberUseCases>().UpdateAsync(Id(c.Inner), c.Argument<string?>("ifMatch"),
                    Inputs.Body(c.Inner, "patch"), c.CancellationToken))))
            .Field("archiveMember", "MemberPayload", f => f
                .Description("Archives a member: no more sign-in or personal tokens; their records stay theirs (needs crm.admin).")
                .Argument("id", "ID!")
                .IfMatchArgument()
                .ResolveAsync(c => Mutations.RunAsync(async () =>
                {
                    var members = c.Service<MemberUseCases>();
                    await members.ArchiveAsync(Id(c.Inner), c.Argument<string?>("ifMatch"), c.CancellationToken);
                    return await members.GetAsync(Id(c.Inner), c.CancellationToken);
                })))
            .Field("restoreMember", "MemberPayload", f => f
                .Description("Restores an archived member (needs crm.admin).")
                .Argument("id", "ID!")
                .IfMatchArgument()
                .IdempotencyKeyArgument()
                .ResolveAsync(c => Mutations.IdempotentAsync(c.Inner, () =>
                    c.Service<MemberUseCases>().RestoreAsync(Id(c.Inner), c.Argument<string?>("ifMatch"), c.CancellationToken))))
            .Field("inviteMember", "InviteMemberPayload", f => f
                .Description("Makes a one-time invitation token (valid 7 days) for the member to choose a password; a new one replaces the old (needs crm.admin).")
                .Argument("id", "ID!")
                .IdempotencyKeyArgument()
                .ResolveAsync(c => Mutations.IdempotentAsync(c.Inner, () => c.Service<MemberUseCases>().InviteAsync(Id(c.Inner), c.CancellationToken))))
            .Field("handOverRecords", "HandOverPayload", f => f
                .Description("Gives the member's records (all, some types, or a filtered set) to another member, in one transaction (needs crm.admin).")
                .Argument("id", "ID!", "The member whose records are handed over.")
                .Argument("input", "HandOverInput!")
                .IdempotencyKeyArgument()
                .ResolveAsync(c => Mutations.IdempotentAsync(c.Inner, () => c.Service<HandOver>().RunAsync(
                    Id(c.Inner), RequestJson.Read<HandOverInput>(Inputs.Body(c.Inner, "input")), c.CancellationToken)))));

    private static int? Count(IReadOnlyDictionary<string, int> moved, string type) => moved.TryGetValue(type, out var count) ? count : null;

    private static Guid Id(IResolveContext context) => GlobalId.Of(TypeName, context.Argument<string>("id"));
}
