using HeadlessCrm.Api.Infrastructure.Access;

namespace HeadlessCrm.Api.Tests.Members;

public sealed class MemberTests(CrmApi api) : IClassFixture<CrmApi>
{
    [Fact]
    public async Task An_admin_adds_members_to_teams_and_lists_them()
    {
        var ws = await api.NewWorkspaceAsync();
        var team = await ws.TeamAsync("North");
        var rep = await ws.Http.CreateAsync("/api/v1/members", new { email = "ana@north.example", name = "Ana", role = "rep", teamId = team, password = "a long enough password" });
        Assert.True(rep["canSignIn"]!.GetValue<bool>());
        Assert.Null(rep["password"]);
        await ws.Http.CreateAsync("/api/v1/members", new { email = "bo@south.example", name = "Bo" });

        var reps = (await ws.Http.GetJsonAsync("/api/v1/members?role=rep&sort=name")).Data().Select(m => m!["name"]!.GetValue<string>());
        Assert.Equal(["Ana", "Bo"], reps);
        var north = await ws.Http.GetJsonAsync($"/api/v1/teams/{team}");
        Assert.Equal([rep.Id()], north["memberIds"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Fact]
    public async Task Two_members_cannot_share_an_email_in_a_workspace()
    {
        var ws = await api.NewWorkspaceAsync();
        await ws.Http.CreateAsync("/api/v1/members", new { email = "same@example.com", name = "One" });
        var response = await ws.Http.PostJsonAsync("/api/v1/members", new { email = "SAME@example.com", name = "Two" });
        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_short_password_is_refused()
    {
        var ws = await api.NewWorkspaceAsync();
        var response = await ws.Http.PostJsonAsync("/api/v1/members", new { email = "short@example.com", name = "Short", password = "hunter2" });
        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "password");
    }

    [Fact]
    public async Task An_invitation_sets_a_password_once()
    {
        var ws = await api.NewWorkspaceAsync();
        var member = await ws.Http.CreateAsync("/api/v1/members", new { email = "new@example.com", name = "Newcomer" });
        Assert.False(member["canSignIn"]!.GetValue<bool>());
        var invitation = await (await ws.Http.PostAsync($"/api/v1/members/{member.Id()}/invitation", null)).JsonAsync();
        var token = invitation["token"]!.GetValue<string>();

        using var anonymous = api.CreateClient();
        await (await anonymous.PostJsonAsync("/api/v1/invitations/accept", new { token, password = "my chosen passphrase" })).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await anonymous.PostJsonAsync("/api/v1/invitations/accept", new { token, password = "someone else's try" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "token");
        Assert.True((await ws.Http.GetJsonAsync($"/api/v1/members/{member.Id()}"))["canSignIn"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_personal_token_acts_as_its_member_until_revoked()
    {
        var ws = await api.NewWorkspaceAsync();
        var member = await ws.Http.CreateAsync("/api/v1/members", new { email = "pat@example.com", name = "Pat", role = "rep" });
        var issued = await ws.Http.CreateAsync($"/api/v1/members/{member.Id()}/tokens", new { name = "laptop", scopes = new[] { Scopes.ContactsRead, Scopes.ContactsWrite } });
        var token = issued["token"]!.GetValue<string>();
        Assert.StartsWith("hcp_", token);
        using var http = api.ClientWithToken(token);

        var contact = await http.CreateAsync("/api/v1/contacts", new { firstName = "Owned" });
        Assert.Equal(member.Id(), contact["ownerId"]!.GetValue<string>());
        await (await http.GetAsync("/api/v1/deals")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var listed = Assert.Single((await ws.Http.GetJsonAsync($"/api/v1/members/{member.Id()}/tokens")).Data())!;
        Assert.Null(listed["token"]);
        Assert.NotNull(listed["lastUsedAt"]);

        await (await ws.Http.DeleteAsync($"/api/v1/members/{member.Id()}/tokens/{issued["details"]!.Id()}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        var refused = await http.GetAsync("/api/v1/contacts");
        await refused.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("invalid_token", refused.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_rep_cannot_be_given_admin_scopes_and_an_archived_members_tokens_stop_working()
    {
        var ws = await api.NewWorkspaceAsync();
        var rep = await ws.MemberAsync("rep");
        await (await ws.Http.PostJsonAsync($"/api/v1/members/{rep.Id}/tokens", new { name = "escalate", scopes = new[] { Scopes.Admin } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "scopes");

        await (await rep.Http.GetAsync("/api/v1/contacts")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await ws.Http.DeleteAsync($"/api/v1/members/{rep.Id}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await rep.Http.GetAsync("/api/v1/contacts")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_team_with_members_cannot_be_archived()
    {
        var ws = await api.NewWorkspaceAsync();
        var team = await ws.TeamAsync("Busy team");
        await ws.MemberAsync("rep", team);
        await (await ws.Http.DeleteAsync($"/api/v1/teams/{team}")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }
}
