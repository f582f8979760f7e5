using HeadlessCrm.Api.Tests.Graph;

namespace HeadlessCrm.Api.Tests.Import;

/// <summary>Imports through GraphQL: created and followed there, the file uploaded over REST, the same rules.</summary>
public sealed class ImportGraphTests(ImportHost api) : IClassFixture<ImportHost>
{
    private const string Create = """
        mutation($input: CreateImportInput!) { createImport(input: $input) {
          import { id recordId status object columns matchBy dryRun } userErrors { field code } } }
        """;

    [Fact]
    public async Task An_import_created_in_GraphQL_takes_its_file_over_REST_and_is_followed_with_node_and_imports()
    {
        var ws = await api.NewWorkspaceAsync();
        var created = (await ws.Http.DataAsync(Create, new
        {
            input = new { @object = "contacts", columns = new Dictionary<string, string?> { ["Name"] = "firstName", ["Email"] = "emails", ["Note"] = null }, matchBy = "email" },
        }))["createImport"]!;
        Assert.Empty(created["userErrors"]!.AsArray());
        var import = created["import"]!;
        Assert.Equal(("pending", "contacts", "email", false), (import["status"]!.GetValue<string>(), import["object"]!.GetValue<string>(),
            import["matchBy"]!.GetValue<string>(), import["dryRun"]!.GetValue<bool>()));
        Assert.Equal("""{"Name":"firstName","Email":"emails","Note":null}""", import["columns"]!.ToJsonString());

        var recordId = import["recordId"]!.GetValue<string>();
        await (await ws.Http.UploadAsync(recordId, "Name,Email,Note\r\nAna,ana@example.com,x\r\nBen,not-an-email,y\r\n")).ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        await ImportClient.EndedAsync(ws.Http, recordId);

        var followed = (await ws.Http.DataAsync(
            "query($id: ID!) { node(id: $id) { ... on Import { status rowsTotal rowsDone created updated failed finishedAt } } }",
            new { id = import["id"]!.GetValue<string>() }))["node"]!;
        Assert.Equal(("done", 2, 2, 1, 0, 1), (followed["status"]!.GetValue<string>(), followed["rowsTotal"]!.GetValue<int>(),
            followed["rowsDone"]!.GetValue<int>(), followed["created"]!.GetValue<int>(), followed["updated"]!.GetValue<int>(), followed["failed"]!.GetValue<int>()));
        Assert.NotNull(followed["finishedAt"]);

        var listed = (await ws.Http.DataAsync("{ imports(first: 10) { edges { node { id status } } pageInfo { hasNextPage } } }"))["imports"]!;
        Assert.Equal([import["id"]!.GetValue<string>()], listed.Nodes().Select(n => n["id"]!.GetValue<string>()));
        Assert.False(listed["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_mapping_REST_refuses_is_a_user_error_on_the_same_field_and_only_an_open_import_can_be_cancelled()
    {
        var ws = await api.NewWorkspaceAsync();
        var body = new { @object = "contacts", columns = new Dictionary<string, string?> { ["Name"] = "firstName" }, matchBy = "email" };
        var refused = (await ws.Http.DataAsync(Create, new { input = body }))["createImport"]!;
        await (await ws.Http.PostJsonAsync("/api/v1/imports", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "matchBy");
        Assert.Null(refused["import"]);
        Assert.Equal("matchBy", Assert.Single(refused["userErrors"]!.AsArray())!["field"]!.GetValue<string>());
        Assert.Empty((await ws.Http.GetJsonAsync("/api/v1/imports")).Data());

        var done = await ws.Http.ImportAsync(new { @object = "contacts", columns = new Dictionary<string, string?> { ["Name"] = "firstName" } }, "Name\r\nAna\r\n");
        var doneId = (await ws.Http.DataAsync("{ imports(first: 1) { edges { node { id recordId } } } }"))["imports"]!.Nodes().Single();
        Assert.Equal(done.Id(), doneId["recordId"]!.GetValue<string>());
        const string cancel = "mutation($id: ID!) { cancelImport(id: $id) { import { status } userErrors { field code } } }";
        var tooLate = (await ws.Http.DataAsync(cancel, new { id = doneId["id"]!.GetValue<string>() }))["cancelImport"]!;
        Assert.Null(tooLate["import"]);
        Assert.Equal(("status", "CONFLICT"), (Assert.Single(tooLate["userErrors"]!.AsArray())!["field"]!.GetValue<string>(), tooLate["userErrors"]![0]!["code"]!.GetValue<string>()));

        var pending = (await ws.Http.DataAsync(Create, new { input = new { @object = "contacts", columns = new Dictionary<string, string?> { ["Name"] = "firstName" } } }))["createImport"]!["import"]!;
        var cancelled = (await ws.Http.DataAsync(cancel, new { id = pending["id"]!.GetValue<string>() }))["cancelImport"]!;
        Assert.Equal("cancelled", cancelled["import"]!["status"]!.GetValue<string>());
        Assert.Equal("cancelled", (await ws.Http.GetJsonAsync($"/api/v1/imports/{pending["recordId"]!.GetValue<string>()}"))["status"]!.GetValue<string>());
    }
}
