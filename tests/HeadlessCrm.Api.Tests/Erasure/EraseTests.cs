namespace HeadlessCrm.Api.Tests.Erasure;

/// <summary>GDPR erase: the person is gone, history keeps no trace of them, and a blocked address cannot come back.</summary>
public sealed class EraseTests(CrmApi api) : IClassFixture<CrmApi>
{
    [Fact]
    public async Task Erasing_a_contact_removes_them_their_personal_activity_fields_and_every_trace_in_the_history()
    {
        var ws = await api.NewWorkspaceAsync();
        var erika = await ws.Http.CreateAsync("/api/v1/contacts", new
        {
            firstName = "Erika", lastName = "Mustermann", emails = new[] { new { value = "erika@example.com" } },
            phones = new[] { new { value = "+49 151 2345678" } },
        });
        await ws.Http.PatchJsonAsync($"/api/v1/contacts/{erika.Id()}", new { title = "Head of Zeppelins" });
        var keep = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Max" });
        var deal = await ws.Http.CreateAsync("/api/v1/deals", new { title = "Airships", amount = 5, currency = "EUR" });
        await (await ws.Http.PutAsync($"/api/v1/deals/{deal.Id()}/contacts/{erika.Id()}", null)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        var note = await ws.Http.CreateAsync("/api/v1/activities", new { type = "note", body = "Erika likes Zeppelins", contactId = erika.Id() });
        var call = await ws.Http.CreateAsync("/api/v1/activities", new
        {
            type = "call", subject = "Call with Erika", body = "Erika Mustermann said yes", contactId = erika.Id(), dealId = deal.Id(),
            occurredAt = "2026-01-01T10:00:00Z", recordingUrl = "https://calls.example/erika.mp3",
        });

        var response = await ws.Http.PostJsonAsync($"/api/v1/contacts/{erika.Id()}/erase", new { });
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var result = await response.JsonAsync();
        Assert.Equal(1, result["activitiesDeleted"]!.GetValue<int>());
        Assert.Equal(1, result["activitiesScrubbed"]!.GetValue<int>());

        await (await ws.Http.GetAsync($"/api/v1/contacts/{erika.Id()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await ws.Http.GetAsync($"/api/v1/activities/{note.Id()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var scrubbed = await ws.Http.GetJsonAsync($"/api/v1/activities/{call.Id()}");
        Assert.Equal("(erased)", scrubbed["subject"]!.GetValue<string>());
        Assert.Null(scrubbed["body"]);
        Assert.Null(scrubbed["contactId"]);
        Assert.Null(scrubbed["recordingUrl"]);
        Assert.Equal(deal.Id(), scrubbed["dealId"]!.GetValue<string>());
        Assert.Empty((await ws.Http.GetJsonAsync($"/api/v1/deals/{deal.Id()}/contacts")).Data());
        Assert.Equal([keep.Id()], (await ws.Http.GetJsonAsync("/api/v1/contacts")).Data().Select(c => c!.Id()));

        var audit = await (await ws.Http.GetAsync("/api/v1/audit?limit=100")).Content.ReadAsStringAsync();
        foreach (var trace in new[] { "Erika", "erika", "Mustermann", "2345678", "Zeppelin" }) Assert.DoesNotContain(trace, audit);
        var erased = (await ws.Http.GetJsonAsync($"/api/v1/audit?recordId={erika.Id()}&action=erased")).Data();
        Assert.Equal([erika.Id()], Assert.Single(erased)!["changes"]!["erasedContactIds"]!.AsArray().Select(i => i!.GetValue<string>()));

        // Without a block, the address may come back (e.g. the person signs up again).
        await ws.Http.CreateAsync("/api/v1/contacts", new { emails = new[] { new { value = "erika@example.com" } } });
    }

    [Fact]
    public async Task A_blocked_address_cannot_be_created_imported_or_added_again()
    {
        var ws = await api.NewWorkspaceAsync();
        var gone = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Gone", emails = new[] { new { value = "gone@example.com" }, new { value = "g2@example.com" } } });
        var erase = await ws.Http.PostJsonAsync($"/api/v1/contacts/{gone.Id()}/erase", new { blockReimport = true });
        Assert.True((await erase.JsonAsync())["reimportBlocked"]!.GetValue<bool>());

        await (await ws.Http.PostJsonAsync("/api/v1/contacts", new { firstName = "Again", emails = new[] { new { value = "ok@example.com" }, new { value = " GONE@example.com " } } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "emails[1].value");
        var other = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Other" });
        await (await ws.Http.PatchJsonAsync($"/api/v1/contacts/{other.Id()}", new { emails = new[] { new { value = "g2@example.com" } } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "emails[0].value");
        var batch = await (await ws.Http.PostJsonAsync("/api/v1/contacts/batch", new
        {
            operations = new object[] { new { op = "upsert", matchBy = "email", record = new { emails = new[] { new { value = "gone@example.com" } } } } },
        })).JsonAsync();
        Assert.Equal(422, batch["results"]![0]!["error"]!["status"]!.GetValue<int>());
        Assert.Single((await ws.Http.GetJsonAsync("/api/v1/contacts")).Data());

        // The block belongs to this workspace only.
        var elsewhere = await api.NewWorkspaceAsync();
        await elsewhere.Http.CreateAsync("/api/v1/contacts", new { emails = new[] { new { value = "gone@example.com" } } });
    }

    [Fact]
    public async Task Erasing_a_merge_survivor_erases_the_records_merged_into_it()
    {
        var ws = await api.NewWorkspaceAsync();
        var survivor = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Sue" });
        var merged = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Susan", emails = new[] { new { value = "sue@example.com" } } });
        await (await ws.Http.PostJsonAsync("/api/v1/contacts/merge", new { survivorId = survivor.Id(), mergedIds = new[] { merged.Id() } })).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var result = await (await ws.Http.PostJsonAsync($"/api/v1/contacts/{survivor.Id()}/erase", new { blockReimport = true })).JsonAsync();
        Assert.Equal(new[] { survivor.Id(), merged.Id() }.Order(), result["erasedContactIds"]!.AsArray().Select(i => i!.GetValue<string>()).Order());
        await (await ws.Http.GetAsync($"/api/v1/contacts/{merged.Id()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain("Susan", await (await ws.Http.GetAsync("/api/v1/audit?limit=100")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Only_an_admin_erases_and_only_in_their_workspace()
    {
        var ws = await api.NewWorkspaceAsync();
        var manager = await ws.MemberAsync("manager");
        var contact = await manager.Http.CreateAsync("/api/v1/contacts", new { firstName = "Kept" });
        await (await manager.Http.PostJsonAsync($"/api/v1/contacts/{contact.Id()}/erase", new { })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var stranger = await api.NewWorkspaceAsync();
        await (await stranger.Http.PostJsonAsync($"/api/v1/contacts/{contact.Id()}/erase", new { })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await ws.Http.GetJsonAsync($"/api/v1/contacts/{contact.Id()}");
    }
}
