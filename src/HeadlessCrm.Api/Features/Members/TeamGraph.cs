using HeadlessCrm.Api.Features.Graph;
using HeadlessCrm.Api.Infrastructure.Json;
using HeadlessCrm.GraphQL.Execution;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.Api.Features.Members;

/// <summary>Teams in GraphQL: read with crm.members.read, changed with crm.admin, as REST's /api/v1/teams.</summary>
public static class TeamGraph
{
    public const string TypeName = "Team";

    public static readonly Relay.NodeLoader Load = IdFields.NodeLoader<TeamUseCases, TeamDto>("team", (teams, id, ct) => teams.GetAsync(id, ct));

    public static SchemaBuilder AddTeams(this SchemaBuilder builder) => builder
        .Object<TeamDto>(TypeName, t => t
            .Description("A group of members; a manager sees the records of their team's members.")
            .RecordFields(TypeName)
            .Field("name", "String!")
            .Field("memberIds", "[UUID!]!", f => f.Description("Its live members, by name."))
            .TimestampFields())
        .Query(q => q.Field("teams", "[Team!]", f => f
            .Description("The workspace's teams with their members, by name (needs crm.members.read).")
            .ArgumentWithDefault("archived", "Boolean", false, "True to list archived teams instead of live ones.")
            .ResolveAsync(c => c.Service<TeamUseCases>().ListAsync(c.Argument<bool>("archived"), c.CancellationToken))))
        .AddPayload<TeamDto>(TypeName, "team")
        .AddCreateAndUpdateInputs(TypeName, i => i.Field("name", "String"))
        .Mutation(m => m
            .Field("createTeam", "TeamPayload", f => f
                .Description("Creates a team, as POST /api/v1/teams (needs crm.admin); put members in it with updateMember's teamId.")
                .Argument("input", "CreateTeamInput!")
                .IdempotencyKeyArgument()
                .ResolveAsync(c => Mutations.IdempotentAsync(c.Inner, () =>
                    c.Service<TeamUseCases>().CreateAsync(RequestJson.Read<TeamInput>(Inputs.Body(c.Inner, "input")), c.CancellationToken))))
            .Field("updateTeam", "TeamPayload", f => f
                .Description("Renames a team, as PATCH /api/v1/teams/{id} (needs crm.admin).")
                .Argument("id", "ID!")
                .Argument("patch", "UpdateTeamInput!")
                .IfMatchArgument()
                .ResolveAsync(c => Mutations.RunAsync(() => c.Service<TeamUseCases>().UpdateAsync(Id(c.Inner), c.Argument<string?>("ifMatch"),
                    Inputs.Body(c.Inner, "patch"), c.CancellationToken))))
            .Field("archiveTeam", "TeamPayload", f => f
                .Description("Archives a team without members, as DELETE /api/v1/teams/{id} (needs crm.admin).")
                .Argument("id", "ID!")
                .IfMatchArgument()
                .ResolveAsync(c => Mutations.RunAsync(async () =>
                {
                    var teams = c.Service<TeamUseCases>();
                    await teams.ArchiveAsync(Id(c.Inner), c.Argument<string?>("ifMatch"), c.CancellationToken);
                    return await teams.GetAsync(Id(c.Inner), c.CancellationToken);
                }))));

    private static Guid Id(IResolveContext context) => GlobalId.Of(TypeName, context.Argument<string>("id"));
}
