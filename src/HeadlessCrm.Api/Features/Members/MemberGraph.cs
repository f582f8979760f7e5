using HeadlessCrm.Api.Features.Graph;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.Api.Features.Members;

/// <summary>The workspace's members in GraphQL (read only; administration stays in REST).</summary>
public static class MemberGraph
{
    public const string TypeName = "Member";

    public static async Task<MemberDto?> FindAsync(MemberUseCases members, Guid id, CancellationToken ct)
    {
        try
        {
            return await members.GetAsync(id, ct);
        }
        catch (RecordNotFoundException)
        {
            return null;
        }
    }

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
            })));
}
