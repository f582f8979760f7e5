namespace HeadlessCrm.Api.Tests.Graph;

/// <summary>Members, teams, personal access tokens and OAuth clients administered through GraphQL, as through REST.</summary>
public sealed class GraphAdminMutationTests(CrmApi api) : IClassFixture<CrmApi>
{
    private const string MemberFields = "member { id recordId email name role teamId canSignIn invitationPending version archivedAt } userErrors { field message code }";

    [Fact]
    public async Task Create_update_archive_and_restore_a_member()
    {
        var ws = await api.NewWorkspaceAsync();
        var team = await ws.TeamAsync("North");
        var created = (await ws.Http.DataAsync($$"""
            mutation($team: UUID) { createMember(input: {email: "kim@example.com", name: "Kim", role: MANAGER, teamId: $team}) { {{MemberFields}} } }
            """, new { team }))["createMember"]!;
        var member = created["member"]!;
        Assert.Empty(created["userErrors"]!.AsArray());
        Assert.Equal(["kim@example.com", "MANAGER", team], new[] { member["email"], member["role"], member["teamId"] }.Select(v => v!.GetValue<string>()));
        Assert.False(member["canSignIn"]!.GetValue<bool>());
        var rest = await ws.Http.GetJsonAsync($"/api/v1/members/{member["recordId"]!.GetValue<string>()}");
        Assert.Equal("manager", rest["role"]!.GetValue<string>());

        var id = member["id"]!.GetValue<string>();
        var stale = (await ws.Http.DataAsync($$"""mutation($id: ID!) { updateMember(id: $id, ifMatch: "\"1\"", patch: {name: "Kimberly"}) { {{MemberFields}} } }""", new { id }))["updateMember"]!;
        Assert.Equal("PRECONDITION_FAILED", Assert.Single(stale["userErrors"]!.AsArray())!["code"]!.GetValue<string>());
        var updated = (await ws.Http.DataAsync($$"""mutation($id: ID!, $v: String) { updateMember(id: $id, ifMatch: $v, patch: {name: "Kimberly", teamId: null}) { {{MemberFields}} } }""",
            new { id, v = member["version"]!.GetValue<string>() }))["updateMember"]!["member"]!;
        Assert.Equal("Kimberly", updated["name"]!.GetValue<string>());
        Assert.Null(updated["teamId"]);
        var node = (await ws.Http.DataAsync("query($id: ID!) { node(id: $id) { ... on Member { name personalTokens { id } } } }", new { id }))["node"]!;
        Assert.Equal("Kimberly", node["name"]!.GetValue<string>());
        Assert.Empty(node["personalTokens"]!.AsArray());

        var archived = (await ws.Http.DataAsync($$"""mutation($id: ID!) { archiveMember(id: $id) { {{MemberFields}} } }""", new { id }))["archiveMember"]!["member"]!;
        Assert.NotNull(archived["archivedAt"]);
        var restored = (await ws.Http.DataAsync($$"""mutation($id: ID!) { restoreMember(id: $id) { {{MemberFields}} } }""", new { id }))["restoreMember"]!["member"]!;
        Assert.Null(restored["archivedAt"]);
    }

    [Fact]
    public async Task A_bad_member_is_refused_with_the_fields_REST_names_and_nothing_is_written()
    {
        var ws = await api.NewWorkspaceAsync();
        var body = new { email = "not an email", name = "", password = "short" };

        var result = (await ws.Http.DataAsync($"mutation($input: CreateMemberInput!) {{ createMember(input: $input) {{ {MemberFields} }} }}", new { input = body }))["createMember"]!;
        var problem = await (await ws.Http.PostJsonAsync("/api/v1/members", body)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Null(result["member"]);
        var fields = result["userErrors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).Distinct().Order().ToArray();
        Assert.Equal(problem["errors"]!.AsObject().Select(e => e.Key).Order(), fields);
        Assert.Equal(["email", "name", "password"], fields);
        Assert.Empty((await ws.Http.GetJsonAsync("/api/v1/members?email=not%20an%20email")).Data());
    }

    [Fact]
    public async Task An_invitation_lets_the_member_choose_a_password_and_a_hand_over_moves_their_records()
    {
        var ws = await api.NewWorkspaceAsync();
        var leaving = await ws.MemberAsync("rep");
        var staying = await ws.MemberAsync("rep");
        var deal = await leaving.Http.CreateAsync("/api/v1/deals", new { title = "Fleet" });
        var contact = await leaving.Http.CreateAsync("/api/v1/contacts", new { firstName = "Ann" });

        var invited = (await ws.Http.DataAsync("mutation($id: ID!) { inviteMember(id: $id) { invitation { memberId token expiresAt } userErrors { field } } }",
            new { id = MemberId(leaving.Id) }))["inviteMember"]!["invitation"]!;
        Assert.Equal(leaving.Id, invited["memberId"]!.GetValue<string>());
        using var anonymous = api.CreateClient();
        var accepted = await anonymous.PostJsonAsync("/api/v1/invitations/accept", new { token = invited["token"]!.GetValue<string>(), password = "a long new password" });
        await accepted.ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        var handed = (await ws.Http.DataAsync("""
            mutation($id: ID!, $to: UUID) { handOverRecords(id: $id, input: {toMemberId: $to, recordTypes: ["deals", "contacts"]}) {
              handOver { fromMemberId toMemberId moved { deals contacts companies activities } } userErrors { field } } }
            """, new { id = MemberId(leaving.Id), to = staying.Id }))["handOverRecords"]!["handOver"]!;
        Assert.Equal(1, handed["moved"]!["deals"]!.GetValue<int>());
        Assert.Equal(1, handed["moved"]!["contacts"]!.GetValue<int>());
        Assert.Null(handed["moved"]!["companies"]);
        Assert.Equal(staying.Id, (await ws.Http.GetJsonAsync($"/api/v1/deals/{deal.Id()}"))["ownerId"]!.GetValue<string>());
        Assert.Equal(staying.Id, (await ws.Http.GetJsonAsync($"/api/v1/contacts/{contact.Id()}"))["ownerId"]!.GetValue<string>());

        var toSelf = (await ws.Http.DataAsync("mutation($id: ID!, $to: UUID) { handOverRecords(id: $id, input: {toMemberId: $to}) { handOver { toMemberId } userErrors { field code } } }",
            new { id = MemberId(staying.Id), to = staying.Id }))["handOverRecords"]!;
        Assert.Equal("toMemberId", Assert.Single(toSelf["userErrors"]!.AsArray())!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Teams_are_created_renamed_read_by_node_and_archived_only_when_empty()
    {
        var ws = await api.NewWorkspaceAsync();
        var team = (await ws.Http.DataAsync("""mutation { createTeam(input: {name: "South"}) { team { id recordId name memberIds version } userErrors { field } } }"""))["createTeam"]!["team"]!;
        var id = team["id"]!.GetValue<string>();
        await ws.MemberAsync("rep", team["recordId"]!.GetValue<string>());

        var renamed = (await ws.Http.DataAsync("""mutation($id: ID!) { updateTeam(id: $id, patch: {name: "South-West"}) { team { name memberIds } userErrors { field } } }""", new { id }))["updateTeam"]!["team"]!;
        Assert.Equal("South-West", renamed["name"]!.GetValue<string>());
        Assert.Single(renamed["memberIds"]!.AsArray());
        var node = (await ws.Http.DataAsync("query($id: ID!) { node(id: $id) { ... on Team { name } } teams { name } }", new { id }));
        Assert.Equal("South-West", node["node"]!["name"]!.GetValue<string>());
        Assert.Equal(["South-West"], node["teams"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()));

        var blank = (await ws.Http.DataAsync("""mutation { createTeam(input: {name: " "}) { team { id } userErrors { field code } } }"""))["createTeam"]!;
        Assert.Equal("name", Assert.Single(blank["userErrors"]!.AsArray())!["field"]!.GetValue<string>());
        var refused = (await ws.Http.DataAsync("mutation($id: ID!) { archiveTeam(id: $id) { team { id } userErrors { message code } } }", new { id }))["archiveTeam"]!;
        Assert.Null(refused["team"]);
        Assert.Equal("CONFLICT", Assert.Single(refused["userErrors"]!.AsArray())!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_personal_token_is_shown_once_works_replays_for_the_same_key_and_stops_when_revoked()
    {
        var ws = await api.NewWorkspaceAsync();
        var rep = await ws.MemberAsync("rep");
        const string issue = """
            mutation($member: ID!) { issuePersonalToken(memberId: $member, input: {name: "phone", scopes: ["crm.contacts.read"]}, idempotencyKey: "pat-1") {
              personalToken { id name scopes revokedAt } token userErrors { field } } }
            """;
        var first = (await ws.Http.DataAsync(issue, new { member = MemberId(rep.Id) }))["issuePersonalToken"]!;
        var again = (await ws.Http.DataAsync(issue, new { member = MemberId(rep.Id) }))["issuePersonalToken"]!;
        var token = first["token"]!.GetValue<string>();
        Assert.StartsWith("hcp_", token);
        Assert.Equal(first.ToJsonString(), again.ToJsonString());
        Assert.Equal(2, (await ws.Http.GetJsonAsync($"/api/v1/members/{rep.Id}/tokens")).Data().Count); // the test's own token and this one

        using var phone = api.ClientWithToken(token);
        await (await phone.GetAsync("/api/v1/contacts")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var tooMuch = (await ws.Http.DataAsync("""
            mutation($member: ID!) { issuePersonalToken(memberId: $member, input: {name: "x", scopes: ["crm.admin"]}) { token userErrors { field code } } }
            """, new { member = MemberId(rep.Id) }))["issuePersonalToken"]!;
        Assert.Null(tooMuch["token"]);
        Assert.Equal("scopes", Assert.Single(tooMuch["userErrors"]!.AsArray())!["field"]!.GetValue<string>());

        var revoked = (await ws.Http.DataAsync("""
            mutation($member: ID!, $id: ID!) { revokePersonalToken(memberId: $member, id: $id) { personalToken { revokedAt } userErrors { field } } }
            """, new { member = MemberId(rep.Id), id = first["personalToken"]!["id"]!.GetValue<string>() }))["revokePersonalToken"]!;
        Assert.NotNull(revoked["personalToken"]!["revokedAt"]);
        await (await phone.GetAsync("/api/v1/contacts")).ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task OAuth_clients_are_registered_rotated_and_deleted_with_the_secret_shown_once()
    {
        var ws = await api.NewWorkspaceAsync();
        var created = (await ws.Http.DataAsync("""
            mutation { createOAuthClient(input: {name: "Sync", type: CONFIDENTIAL, allowedScopes: ["crm.contacts.read"]}) {
              oauthClient { id recordId clientId type allowedScopes } clientSecret userErrors { field } } }
            """))["createOAuthClient"]!;
        var client = created["oauthClient"]!;
        Assert.Equal("CONFIDENTIAL", client["type"]!.GetValue<string>());
        var token = await api.TokenAsync(client["clientId"]!.GetValue<string>(), created["clientSecret"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(token));

        var rotated = (await ws.Http.DataAsync("mutation($id: ID!) { rotateOAuthClientSecret(id: $id) { clientSecret userErrors { field } } }",
            new { id = client["id"]!.GetValue<string>() }))["rotateOAuthClientSecret"]!;
        Assert.NotEqual(created["clientSecret"]!.GetValue<string>(), rotated["clientSecret"]!.GetValue<string>());

        var publicWithoutRedirect = (await ws.Http.DataAsync("""
            mutation { createOAuthClient(input: {name: "App", type: PUBLIC, allowedScopes: ["crm.contacts.read"]}) { oauthClient { id } userErrors { field code } } }
            """))["createOAuthClient"]!;
        Assert.Equal("redirectUris", Assert.Single(publicWithoutRedirect["userErrors"]!.AsArray())!["field"]!.GetValue<string>());

        var deleted = (await ws.Http.DataAsync("mutation($id: ID!) { deleteOAuthClient(id: $id) { deletedId userErrors { field } } }",
            new { id = client["id"]!.GetValue<string>() }))["deleteOAuthClient"]!;
        Assert.Equal(client["id"]!.GetValue<string>(), deleted["deletedId"]!.GetValue<string>());
        await (await ws.Http.GetAsync($"/api/v1/oauth-clients/{client["recordId"]!.GetValue<string>()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_rep_cannot_administer_members_and_the_rest_of_the_request_is_served()
    {
        var ws = await api.NewWorkspaceAsync();
        var rep = await ws.MemberAsync("rep");

        var result = await rep.Http.GraphAsync("""
            mutation { createTeam(input: {name: "Mine"}) { team { id } } createContact(input: {firstName: "Ok"}) { contact { firstName } } }
            """);

        var error = Assert.Single(result.Errors());
        Assert.Equal("FORBIDDEN", error.Code());
        Assert.Equal("createTeam", error.PathText());
        Assert.Equal("Ok", result["data"]!["createContact"]!["contact"]!["firstName"]!.GetValue<string>());
        Assert.Empty((await ws.Http.GetJsonAsync("/api/v1/teams")).Data());
    }

    private static string MemberId(string id) => HeadlessCrm.Api.Features.Graph.GlobalId.Encode("Member", Guid.Parse(id));
}
