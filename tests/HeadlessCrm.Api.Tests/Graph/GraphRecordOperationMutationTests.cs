using HeadlessCrm.Api.Features.Graph;

namespace HeadlessCrm.Api.Tests.Graph;

/// <summary>Logging calls and emails, merging, erasing and batches through GraphQL: REST's use cases, rules and visibility.</summary>
public sealed class GraphRecordOperationMutationTests(CrmApi api) : IClassFixture<CrmApi>
{
    private const string MergeContacts = """
        mutation($input: MergeInput!) { mergeContacts(input: $input) { contact { recordId firstName tags } mergedIds moved dryRun userErrors { field code } } }
        """;

    [Fact]
    public async Task A_call_is_logged_and_matched_and_its_redelivery_finds_it_logged()
    {
        var ws = await api.NewWorkspaceAsync();
        var dana = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Dana", phones = new[] { new { value = "(555) 010-0199" } } });
        const string log = """
            mutation { logCall(input: {externalId: "call-7", direction: INBOUND, from: "+1 555-010-0199", durationSeconds: 95}) {
              activity { recordId type direction durationSeconds contact { firstName } } phoneNumber matchedContactId created userErrors { field } } }
            """;
        var first = (await ws.Http.DataAsync(log))["logCall"]!;
        var again = (await ws.Http.DataAsync(log))["logCall"]!;

        Assert.Equal("+15550100199", first["phoneNumber"]!.GetValue<string>());
        Assert.Equal(dana.Id(), first["matchedContactId"]!.GetValue<string>());
        Assert.Equal("Dana", first["activity"]!["contact"]!["firstName"]!.GetValue<string>());
        Assert.True(first["created"]!.GetValue<bool>());
        Assert.False(again["created"]!.GetValue<bool>());
        Assert.Equal(first["activity"]!["recordId"]!.GetValue<string>(), again["activity"]!["recordId"]!.GetValue<string>());
        Assert.Single((await ws.Http.GetJsonAsync("/api/v1/activities?type=call")).Data());

        var noNumber = (await ws.Http.DataAsync("mutation { logCall(input: {direction: OUTBOUND}) { activity { id } userErrors { field } } }"))["logCall"]!;
        Assert.Equal("to", Assert.Single(noNumber["userErrors"]!.AsArray())!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_email_is_logged_with_its_matches_and_an_idempotency_key_replays_the_first_payload()
    {
        var ws = await api.NewWorkspaceAsync();
        var ann = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Ann", emails = new[] { new { value = "ann@example.com" } } });
        const string log = """
            mutation { logEmail(input: {from: "ann@example.com", to: ["me@crm.example"], subject: "Hello"}, idempotencyKey: "mail-1") {
              activity { recordId type direction subject version } matchedContactIds created userErrors { field } } }
            """;
        var first = (await ws.Http.DataAsync(log))["logEmail"]!;
        var replay = (await ws.Http.DataAsync(log))["logEmail"]!;

        Assert.Equal([ann.Id()], first["matchedContactIds"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal("INBOUND", first["activity"]!["direction"]!.GetValue<string>());
        Assert.Equal(first.ToJsonString(), replay.ToJsonString());
        Assert.Single((await ws.Http.GetJsonAsync("/api/v1/activities?type=email")).Data());

        var reused = (await ws.Http.DataAsync("""
            mutation { logEmail(input: {from: "ann@example.com", to: ["other@crm.example"]}, idempotencyKey: "mail-1") { activity { id } userErrors { field code } } }
            """))["logEmail"]!;
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", Assert.Single(reused["userErrors"]!.AsArray())!["code"]!.GetValue<string>());
        var noRecipient = (await ws.Http.DataAsync("""mutation { logEmail(input: {from: "ann@example.com"}) { activity { id } userErrors { field } } }"""))["logEmail"]!;
        Assert.Equal("to", Assert.Single(noRecipient["userErrors"]!.AsArray())!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Contacts_merge_after_a_dry_run_that_changes_nothing()
    {
        var ws = await api.NewWorkspaceAsync();
        var survivor = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Ana", tags = new[] { "vip" } });
        var loser = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Anna", tags = new[] { "lead" } });
        await ws.Http.CreateAsync("/api/v1/activities", new { type = "note", subject = "Met", contactId = loser.Id() });
        var input = new { survivorId = survivor.Id(), mergedIds = new[] { loser.Id() }, fieldWinners = new Dictionary<string, string> { ["firstName"] = loser.Id() } };

        var dry = (await ws.Http.DataAsync(MergeContacts, new { input = new { input.survivorId, input.mergedIds, input.fieldWinners, dryRun = true } }))["mergeContacts"]!;
        Assert.True(dry["dryRun"]!.GetValue<bool>());
        Assert.Equal("Anna", dry["contact"]!["firstName"]!.GetValue<string>());
        Assert.Equal("Ana", (await ws.Http.GetJsonAsync($"/api/v1/contacts/{survivor.Id()}"))["firstName"]!.GetValue<string>());

        var merged = (await ws.Http.DataAsync(MergeContacts, new { input }))["mergeContacts"]!;
        Assert.Empty(merged["userErrors"]!.AsArray());
        Assert.Equal("Anna", merged["contact"]!["firstName"]!.GetValue<string>());
        Assert.Equal(["lead", "vip"], merged["contact"]!["tags"]!.AsArray().Select(t => t!.GetValue<string>()).Order());
        Assert.Equal(1, merged["moved"]!["activities"]!.GetValue<int>());
        Assert.Equal([survivor.Id()], (await ws.Http.GetJsonAsync("/api/v1/contacts")).Data().Select(c => c!.Id()));
    }

    [Fact]
    public async Task A_rep_cannot_merge_or_batch_update_a_contact_they_cannot_see_nor_erase_one_and_gets_what_REST_answers()
    {
        var ws = await api.NewWorkspaceAsync();
        var rep = await ws.MemberAsync("rep");
        var mine = await rep.Http.CreateAsync("/api/v1/contacts", new { firstName = "Mine" });
        var theirs = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Theirs" });
        var input = new { survivorId = mine.Id(), mergedIds = new[] { theirs.Id() } };

        var merge = (await rep.Http.DataAsync(MergeContacts, new { input }))["mergeContacts"]!;
        await (await rep.Http.PostJsonAsync("/api/v1/contacts/merge", input)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Null(merge["contact"]);
        Assert.Equal("NOT_FOUND", Assert.Single(merge["userErrors"]!.AsArray())!["code"]!.GetValue<string>());
        var self = (await rep.Http.DataAsync(MergeContacts, new { input = new { survivorId = mine.Id(), mergedIds = new[] { mine.Id() } } }))["mergeContacts"]!;
        Assert.Equal(("mergedIds", "VALIDATION_FAILED"), (Assert.Single(self["userErrors"]!.AsArray())!["field"]!.GetValue<string>(), self["userErrors"]![0]!["code"]!.GetValue<string>()));

        var batch = (await rep.Http.DataAsync("""
            mutation($input: BatchInput!) { batchContacts(input: $input) { batch { failed results { status error { status } } } userErrors { field } } }
            """, new { input = new { operations = new[] { new { op = "update", id = theirs.Id(), record = new { firstName = "Mine now" } } } } }))["batchContacts"]!["batch"]!;
        var restBatch = await (await rep.Http.PostJsonAsync("/api/v1/contacts/batch", new { operations = new[] { new { op = "update", id = theirs.Id(), record = new { firstName = "Mine now" } } } })).JsonAsync();
        Assert.Equal(("failed", 404), (batch["results"]![0]!["status"]!.GetValue<string>(), batch["results"]![0]!["error"]!["status"]!.GetValue<int>()));
        Assert.Equal(restBatch["results"]![0]!["error"]!["status"]!.GetValue<int>(), batch["results"]![0]!["error"]!["status"]!.GetValue<int>());

        var erase = await rep.Http.GraphAsync("mutation($id: ID!) { eraseContact(id: $id) { erasure { contactId } } }", new { id = ContactId(theirs.Id()) });
        Assert.Equal(("FORBIDDEN", "crm.admin"), (Assert.Single(erase.Errors()).Code(), erase.Errors()[0]["extensions"]!["scope"]!.GetValue<string>()));
        Assert.Equal(2, (await ws.Http.GetJsonAsync("/api/v1/contacts")).Data().Count);
        Assert.Equal("Theirs", (await ws.Http.GetJsonAsync($"/api/v1/contacts/{theirs.Id()}"))["firstName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Erasing_a_contact_removes_it_and_reports_ids_and_counts_only()
    {
        var ws = await api.NewWorkspaceAsync();
        var erika = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Erika", emails = new[] { new { value = "erika@example.com" } } });
        await ws.Http.CreateAsync("/api/v1/activities", new { type = "note", subject = "Called Erika", contactId = erika.Id() });

        var erased = (await ws.Http.DataAsync("""
            mutation($id: ID!) { eraseContact(id: $id, blockReimport: true) {
              erasure { contactId erasedContactIds activitiesDeleted activitiesScrubbed reimportBlocked } userErrors { field } } }
            """, new { id = ContactId(erika.Id()) }))["eraseContact"]!["erasure"]!;
        Assert.Equal(erika.Id(), erased["contactId"]!.GetValue<string>());
        Assert.Equal(1, erased["activitiesDeleted"]!.GetValue<int>());
        Assert.True(erased["reimportBlocked"]!.GetValue<bool>());
        await (await ws.Http.GetAsync($"/api/v1/contacts/{erika.Id()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var blocked = await ws.Http.PostJsonAsync("/api/v1/contacts", new { firstName = "E", emails = new[] { new { value = "erika@example.com" } } });
        await blocked.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        var again = (await ws.Http.DataAsync("mutation($id: ID!) { eraseContact(id: $id) { erasure { contactId } userErrors { code } } }", new { id = ContactId(erika.Id()) }))["eraseContact"]!;
        Assert.Equal("NOT_FOUND", Assert.Single(again["userErrors"]!.AsArray())!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_batch_reports_each_operation_and_an_atomic_one_that_fails_writes_nothing()
    {
        var ws = await api.NewWorkspaceAsync();
        var existing = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Old" });
        const string batch = """
            mutation($input: BatchInput!) { batchContacts(input: $input) {
              batch { created updated archived failed committed results { index status recordId contact { firstName } error { status errors { field message } } } }
              userErrors { field code } } }
            """;
        var operations = new object[]
        {
            new { op = "create", record = new { firstName = "New" } },
            new { op = "update", id = existing.Id(), record = new { firstName = "Renamed" } },
            new { op = "create", record = new { firstName = "Bad", emails = new[] { new { value = "nope" } } } },
        };

        var mixed = (await ws.Http.DataAsync(batch, new { input = new { operations } }))["batchContacts"]!;
        Assert.Equal((1, 1, 1, true), (mixed["batch"]!["created"]!.GetValue<int>(), mixed["batch"]!["updated"]!.GetValue<int>(),
            mixed["batch"]!["failed"]!.GetValue<int>(), mixed["batch"]!["committed"]!.GetValue<bool>()));
        Assert.Equal("Renamed", mixed["batch"]!["results"]![1]!["contact"]!["firstName"]!.GetValue<string>());
        Assert.Equal("emails[0].value", mixed["batch"]!["results"]![2]!["error"]!["errors"]![0]!["field"]!.GetValue<string>());
        Assert.Empty(mixed["userErrors"]!.AsArray());

        var atomic = (await ws.Http.DataAsync(batch, new { input = new { atomic = true, operations } }))["batchContacts"]!;
        var problem = await (await ws.Http.PostJsonAsync("/api/v1/contacts/batch", new { atomic = true, operations })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.False(atomic["batch"]!["committed"]!.GetValue<bool>());
        Assert.Equal(problem["errors"]!.AsObject().Select(e => e.Key), atomic["userErrors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()));
        Assert.Equal(["operations[2].emails[0].value"], atomic["userErrors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()));
        Assert.Equal(2, (await ws.Http.GetJsonAsync("/api/v1/contacts")).Data().Count); // Old (renamed) and New: the atomic batches wrote nothing
    }

    private static string ContactId(string id) => GlobalId.Encode("Contact", Guid.Parse(id));
}
