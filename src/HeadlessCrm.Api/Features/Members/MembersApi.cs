using System.Text.Json;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.OpenApi;
using HeadlessCrm.Api.Infrastructure.Paging;
using Microsoft.AspNetCore.Mvc;

namespace HeadlessCrm.Api.Features.Members;

public static class MembersApi
{
    public static IEndpointRouteBuilder MapMembers(this IEndpointRouteBuilder app)
    {
        var members = app.MapGroup("/api/v1/members").WithTags("Members");

        members.MapGet("", async (HttpContext http, MemberUseCases useCases, CancellationToken ct) =>
                TypedResults.Ok(await useCases.ListAsync(ListRequest.FromQuery(http.Request.Query, MemberUseCases.Parameters), ct)))
            .WithName("ListMembers").WithSummary("List the workspace's members")
            .WithMetadata(new ListParametersMetadata(MemberUseCases.Parameters, MemberUseCases.Sorts.Names, MemberUseCases.Sorts.Default))
            .RequireScope(Scopes.MembersRead);

        members.MapGet("/{id:guid}", async (Guid id, HttpContext http, MemberUseCases useCases, CancellationToken ct) =>
                RecordEndpoints.Versioned(http, await useCases.GetAsync(id, ct)))
            .WithName("GetMember").WithSummary("Get a member")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(Scopes.MembersRead);

        members.MapPost("", async (MemberInput body, HttpContext http, MemberUseCases useCases, CancellationToken ct) =>
            {
                var member = await useCases.CreateAsync(body, ct);
                return RecordEndpoints.Created(http, "members", member.Id, member);
            })
            .WithName("CreateMember").WithSummary("Add a member (with a password, or invite them afterwards)")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireScope(Scopes.Admin);

        members.MapPatch("/{id:guid}", async (Guid id, JsonElement body, [FromHeader(Name = "If-Match")] string? ifMatch,
                HttpContext http, MemberUseCases useCases, CancellationToken ct) =>
                RecordEndpoints.Versioned(http, await useCases.UpdateAsync(id, ifMatch, RecordEndpoints.RequireObject(body), ct)))
            .WithName("UpdateMember").WithSummary("Change a member's name, email, role, team or password (JSON merge patch)")
            .Accepts<MemberInput>("application/merge-patch+json", "application/json")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireScope(Scopes.Admin);

        members.MapDelete("/{id:guid}", async (Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, MemberUseCases useCases, CancellationToken ct) =>
            {
                await useCases.ArchiveAsync(id, ifMatch, ct);
                return TypedResults.NoContent();
            })
            .WithName("ArchiveMember").WithSummary("Archive a member: no more sign-in or personal tokens; records stay theirs")
            .RequireScope(Scopes.Admin);

        members.MapPost("/{id:guid}/restore", async (Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http,
                MemberUseCases useCases, CancellationToken ct) =>
                RecordEndpoints.Versioned(http, await useCases.RestoreAsync(id, ifMatch, ct)))
            .WithName("RestoreMember").WithSummary("Restore an archived member")
            .RequireScope(Scopes.Admin);

        members.MapPost("/{id:guid}/invitation", async (Guid id, MemberUseCases useCases, CancellationToken ct) =>
                TypedResults.Ok(await useCases.InviteAsync(id, ct)))
            .WithName("InviteMember").WithSummary("Make a one-time invitation token for the member to choose a password (valid 7 days)")
            .RequireScope(Scopes.Admin);

        app.MapPost("/api/v1/invitations/accept", async (AcceptInvitationInput body, MemberUseCases useCases, CancellationToken ct) =>
            {
                await useCases.AcceptInvitationAsync(body, ct);
                return TypedResults.NoContent();
            })
            .WithTags("Members").WithName("AcceptInvitation").WithSummary("Choose a password with an invitation token (no access token needed)")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .AllowAnonymous();

        members.MapPost("/{id:guid}/hand-over", async (Guid id, HandOverInput body, HandOver handOver, CancellationToken ct) =>
                TypedResults.Ok(await handOver.RunAsync(id, body, ct)))
            .WithName("HandOverRecords").WithSummary("Give a member's records (all, some types, or a filtered set) to another member, in one transaction")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireScope(Scopes.Admin);

        members.MapPost("/{id:guid}/tokens", async (Guid id, PersonalTokenInput body, PersonalTokenUseCases tokens, CancellationToken ct) =>
            {
                var issued = await tokens.IssueAsync(id, body, ct);
                return TypedResults.Created($"/api/v1/members/{id}/tokens/{issued.Details.Id}", issued);
            })
            .WithName("IssuePersonalToken").WithSummary("Make a personal access token for a member (the token is shown only now)")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireScope(Scopes.Admin);

        members.MapGet("/{id:guid}/tokens", async (Guid id, PersonalTokenUseCases tokens, CancellationToken ct) =>
                TypedResults.Ok(new Page<PersonalTokenDto>(await tokens.ListAsync(id, ct), null)))
            .WithName("ListPersonalTokens").WithSummary("List a member's personal access tokens (without the tokens)")
            .RequireScope(Scopes.Admin);

        members.MapDelete("/{id:guid}/tokens/{tokenId:guid}", async (Guid id, Guid tokenId, PersonalTokenUseCases tokens, CancellationToken ct) =>
            {
                await tokens.RevokeAsync(id, tokenId, ct);
                return TypedResults.NoContent();
            })
            .WithName("RevokePersonalToken").WithSummary("Revoke a personal access token, effective at once")
            .RequireScope(Scopes.Admin);

        var teams = app.MapGroup("/api/v1/teams").WithTags("Teams");
        teams.MapGet("", async (TeamUseCases useCases, bool? archived, CancellationToken ct) =>
                TypedResults.Ok(new Page<TeamDto>(await useCases.ListAsync(archived ?? false, ct), null)))
            .WithName("ListTeams").WithSummary("List teams with their members")
            .RequireScope(Scopes.MembersRead);
        teams.MapGet("/{id:guid}", async (Guid id, HttpContext http, TeamUseCases useCases, CancellationToken ct) =>
                RecordEndpoints.Versioned(http, await useCases.GetAsync(id, ct)))
            .WithName("GetTeam").WithSummary("Get a team")
            .RequireScope(Scopes.MembersRead);
        teams.MapPost("", async (TeamInput body, HttpContext http, TeamUseCases useCases, CancellationToken ct) =>
            {
                var team = await useCases.CreateAsync(body, ct);
                return RecordEndpoints.Created(http, "teams", team.Id, team);
            })
            .WithName("CreateTeam").WithSummary("Create a team (put members in it by setting their teamId)")
            .RequireScope(Scopes.Admin);
        teams.MapPatch("/{id:guid}", async (Guid id, JsonElement body, [FromHeader(Name = "If-Match")] string? ifMatch,
                HttpContext http, TeamUseCases useCases, CancellationToken ct) =>
                RecordEndpoints.Versioned(http, await useCases.UpdateAsync(id, ifMatch, RecordEndpoints.RequireObject(body), ct)))
            .WithName("UpdateTeam").WithSummary("Rename a team (JSON merge patch)")
            .Accepts<TeamInput>("application/merge-patch+json", "application/json")
            .RequireScope(Scopes.Admin);
        teams.MapDelete("/{id:guid}", async (Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, TeamUseCases useCases, CancellationToken ct) =>
            {
                await useCases.ArchiveAsync(id, ifMatch, ct);
                return TypedResults.NoContent();
            })
            .WithName("ArchiveTeam").WithSummary("Archive a team without members")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireScope(Scopes.Admin);
        return app;
    }
}
