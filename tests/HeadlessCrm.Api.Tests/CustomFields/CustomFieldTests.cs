using HeadlessCrm.Api.Infrastructure.Access;

namespace HeadlessCrm.Api.Tests.CustomFields;

/// <summary>Custom field definitions, values checked on write, and filters and sorts typed by the definition.</summary>
public sealed class CustomFieldTests(CrmApi api) : IClassFixture<CrmApi>
{
    private static Task<JsonObject> DefineAsync(HttpClient http, object definition) => http.CreateAsync("/api/v1/custom-fields", definition);

    private static async Task<string[]> SearchAsync(HttpClient http, string resource, object body) =>
        (await (await http.PostJsonAsync($"/api/v1/{resource}/search", body)).JsonAsync()).Data().Select(r => r!.Id()).ToArray();

    [Fact]
    public async Task Values_are_checked_against_their_definition_and_stored_normalised()
    {
        var ws = await api.NewWorkspaceAsync();
        await DefineAsync(ws.Http, new { @object = "contacts", key = "seats", label = "Seats", type = "number" });
        await DefineAsync(ws.Http, new { @object = "contacts", key = "renewsAt", label = "Renews at", type = "datetime" });
        await DefineAsync(ws.Http, new { @object = "contacts", key = "billingEmail", label = "Billing email", type = "email" });
        await DefineAsync(ws.Http, new { @object = "contacts", key = "tier", label = "Tier", type = "single_select", options = new[] { "gold", "silver" } });
        await DefineAsync(ws.Http, new { @object = "contacts", key = "regions", label = "Regions", type = "multi_select", options = new[] { "eu", "us", "apac" } });

        var contact = await ws.Http.CreateAsync("/api/v1/contacts", new
        {
            firstName = "Ana",
            customFields = new { seats = 12, renewsAt = "2027-03-01T10:30:00+02:00", billingEmail = "Billing@Example.COM", tier = "gold", regions = new[] { "eu", "us" } },
        });
        var fields = contact["customFields"]!;
        Assert.Equal(12, fields["seats"]!.GetValue<int>());
        Assert.Equal("2027-03-01T08:30:00.000Z", fields["renewsAt"]!.GetValue<string>());
        Assert.Equal("billing@example.com", fields["billingEmail"]!.GetValue<string>());
        Assert.Equal(["eu", "us"], fields["regions"]!.AsArray().Select(r => r!.GetValue<string>()));

        await (await ws.Http.PostJsonAsync("/api/v1/contacts", new { firstName = "B", customFields = new { sizes = 1 } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "customFields.sizes");
        await (await ws.Http.PostJsonAsync("/api/v1/contacts", new { firstName = "B", customFields = new { seats = "twelve" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "customFields.seats");
        await (await ws.Http.PostJsonAsync("/api/v1/contacts", new { firstName = "B", customFields = new { seats = 1.5 } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "customFields.seats");
        await (await ws.Http.PostJsonAsync("/api/v1/contacts", new { firstName = "B", customFields = new { tier = "bronze" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "customFields.tier");
        await (await ws.Http.PostJsonAsync("/api/v1/contacts", new { firstName = "B", customFields = new { regions = new[] { "eu", "mars" } } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "customFields.regions");
        await (await ws.Http.PatchJsonAsync($"/api/v1/contacts/{contact.Id()}", new { customFields = new { renewsAt = "next week" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "customFields.renewsAt");

        var patched = await (await ws.Http.PatchJsonAsync($"/api/v1/contacts/{contact.Id()}", new { customFields = new { seats = (int?)null, tier = "silver" } })).JsonAsync();
        Assert.False(patched["customFields"]!.AsObject().ContainsKey("seats"));
        Assert.Equal("silver", patched["customFields"]!["tier"]!.GetValue<string>());
        Assert.Equal("billing@example.com", patched["customFields"]!["billingEmail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_definition_changed_by_another_host_applies_to_this_hosts_next_writes()
    {
        var ws = await api.NewWorkspaceAsync();
        await DefineAsync(ws.Http, new { @object = "contacts", key = "tier", label = "Tier", type = "single_select", options = new[] { "gold" } });
        await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Cached", customFields = new { tier = "gold" } });

        // Archived straight in the database, as another host would: this host learns of it only through the notification.
        await using (var connection = new Npgsql.NpgsqlConnection(api.ConnectionString))
        {
            await connection.OpenAsync();
            await using var archive = new Npgsql.NpgsqlCommand(
                "UPDATE custom_field_definitions SET archived_at = now() WHERE workspace_id = @w AND key = 'tier'", connection);
            archive.Parameters.AddWithValue("w", ws.Id);
            Assert.Equal(1, await archive.ExecuteNonQueryAsync());
        }

        HttpResponseMessage? refused = null;
        for (var attempt = 0; attempt < 50 && refused is null; attempt++)
        {
            var response = await ws.Http.PostJsonAsync("/api/v1/contacts", new { firstName = "After", customFields = new { tier = "gold" } });
            if (response.StatusCode == HttpStatusCode.BadRequest) refused = response;
            else await Task.Delay(100);
        }
        Assert.NotNull(refused);
        await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "customFields.tier");
    }

    [Fact]
    public async Task A_required_field_is_needed_on_create_only()
    {
        var ws = await api.NewWorkspaceAsync();
        var old = await ws.Http.CreateAsync("/api/v1/deals", new { title = "Before", amount = 10, currency = "EUR" });
        await DefineAsync(ws.Http, new { @object = "deals", key = "poNumber", label = "PO number", type = "text", required = true });

        await (await ws.Http.PostJsonAsync("/api/v1/deals", new { title = "No PO", amount = 10, currency = "EUR" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "customFields.poNumber");
        await ws.Http.CreateAsync("/api/v1/deals", new { title = "With PO", amount = 10, currency = "EUR", customFields = new { poNumber = "PO-1" } });
        var renamed = await ws.Http.PatchJsonAsync($"/api/v1/deals/{old.Id()}", new { title = "Renamed" });
        await renamed.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Lists_filter_and_sort_by_custom_fields_typed_by_their_definition()
    {
        var ws = await api.NewWorkspaceAsync();
        await DefineAsync(ws.Http, new { @object = "companies", key = "arr", label = "ARR", type = "decimal" });
        await DefineAsync(ws.Http, new { @object = "companies", key = "contractEnd", label = "Contract end", type = "date" });
        await DefineAsync(ws.Http, new { @object = "companies", key = "segments", label = "Segments", type = "multi_select", options = new[] { "smb", "mid", "ent" } });
        await DefineAsync(ws.Http, new { @object = "companies", key = "partner", label = "Partner", type = "boolean" });
        var small = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Small", customFields = new { arr = 9.5, contractEnd = "2027-01-31", segments = new[] { "smb" }, partner = false } });
        var mid = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Mid", customFields = new { arr = 100, contractEnd = "2026-06-30", segments = new[] { "mid", "smb" } } });
        var big = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Big", customFields = new { arr = 1000.25, segments = new[] { "ent" }, partner = true } });
        var none = await ws.Http.CreateAsync("/api/v1/companies", new { name = "None" });

        // 100 > 9.5 as numbers (as text it would not be).
        Assert.Equal([mid.Id(), big.Id()], (await SearchAsync(ws.Http, "companies", new { filter = new { field = "customFields.arr", op = "gte", value = 10 }, sort = "customFields.arr" })));
        Assert.Equal([small.Id()], await SearchAsync(ws.Http, "companies", new { filter = new { field = "customFields.contractEnd", op = "gt", value = "2026-12-31" } }));
        Assert.Equal(new[] { small.Id(), mid.Id() }.Order(), (await SearchAsync(ws.Http, "companies", new { filter = new { field = "customFields.segments", op = "contains", value = "smb" } })).Order());
        Assert.Equal(new[] { mid.Id(), big.Id() }.Order(), (await SearchAsync(ws.Http, "companies", new { filter = new { field = "customFields.segments", op = "containsAny", value = new[] { "mid", "ent" } } })).Order());
        Assert.Equal([big.Id()], await SearchAsync(ws.Http, "companies", new { filter = new { field = "customFields.partner", value = true } }));
        Assert.Equal(new[] { big.Id(), none.Id() }.Order(), (await SearchAsync(ws.Http, "companies", new { filter = new { field = "customFields.contractEnd", op = "isNull", value = true } })).Order());

        // Keyset paging over a custom field, nulls last going up.
        var first = await (await ws.Http.PostJsonAsync("/api/v1/companies/search", new { sort = "customFields.arr", limit = 2 })).JsonAsync();
        Assert.Equal([small.Id(), mid.Id()], first.Data().Select(r => r!.Id()));
        var second = await (await ws.Http.PostJsonAsync("/api/v1/companies/search", new { sort = "customFields.arr", limit = 2, cursor = first["nextCursor"]!.GetValue<string>() })).JsonAsync();
        Assert.Equal([big.Id(), none.Id()], second.Data().Select(r => r!.Id()));
        Assert.Null(second["nextCursor"]);
        Assert.Equal([none.Id(), big.Id(), mid.Id(), small.Id()], (await ws.Http.GetJsonAsync("/api/v1/companies?sort=-customFields.arr")).Data().Select(r => r!.Id()));

        await (await ws.Http.PostJsonAsync("/api/v1/companies/search", new { filter = new { field = "customFields.arr", op = "gte", value = "lots" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "filter");
        await (await ws.Http.PostJsonAsync("/api/v1/companies/search", new { filter = new { field = "customFields.nope", value = 1 } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "filter");
        await (await ws.Http.PostJsonAsync("/api/v1/companies/search", new { sort = "customFields.segments" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "sort");
    }

    [Fact]
    public async Task A_unique_field_refuses_a_value_another_record_holds_even_one_the_caller_cannot_see()
    {
        var ws = await api.NewWorkspaceAsync();
        await DefineAsync(ws.Http, new { @object = "contacts", key = "customerNo", label = "Customer no.", type = "text", unique = true });
        var rep = await ws.MemberAsync("rep");
        await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Owner", customFields = new { customerNo = "C-100" } });

        var clash = await rep.Http.PostJsonAsync("/api/v1/contacts", new { firstName = "Copy", customFields = new { customerNo = "C-100" } });
        await clash.ShouldBeProblemAsync(HttpStatusCode.Conflict, "customFields.customerNo");
        var mine = await rep.Http.CreateAsync("/api/v1/contacts", new { firstName = "Mine", customFields = new { customerNo = "C-200" } });
        await (await rep.Http.PatchJsonAsync($"/api/v1/contacts/{mine.Id()}", new { customFields = new { customerNo = "C-100" } }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "customFields.customerNo");
        // Writing the record again with its own value is no clash; nor is the same value on another record type.
        await (await rep.Http.PatchJsonAsync($"/api/v1/contacts/{mine.Id()}", new { firstName = "Mine2", customFields = new { customerNo = "C-200" } }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal(2, (await ws.Http.GetJsonAsync("/api/v1/contacts")).Data().Count);

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            ws.Http.PostJsonAsync("/api/v1/contacts", new { firstName = $"Race {i}", customFields = new { customerNo = "C-300" } })));
        Assert.Equal(1, concurrent.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(3, concurrent.Count(r => r.StatusCode == HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task Definitions_change_safely_and_deleting_one_removes_its_values()
    {
        var ws = await api.NewWorkspaceAsync();
        var tier = await DefineAsync(ws.Http, new { @object = "contacts", key = "tier", label = "Tier", type = "single_select", options = new[] { "gold" } });
        var contact = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "T", customFields = new { tier = "gold" } });

        var changed = await (await ws.Http.PatchJsonAsync($"/api/v1/custom-fields/{tier.Id()}", new { label = "Customer tier", options = new[] { "gold", "platinum" } })).JsonAsync();
        Assert.Equal("Customer tier", changed["label"]!.GetValue<string>());
        await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "P", customFields = new { tier = "platinum" } });
        await (await ws.Http.PatchJsonAsync($"/api/v1/custom-fields/{tier.Id()}", new { options = new[] { "platinum" } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "options");
        await (await ws.Http.PatchJsonAsync($"/api/v1/custom-fields/{tier.Id()}", new { type = "text" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "type");
        await (await ws.Http.PatchJsonAsync($"/api/v1/custom-fields/{tier.Id()}", new { key = "level" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "key");
        await (await ws.Http.PostJsonAsync("/api/v1/custom-fields", new { @object = "contacts", key = "tier", label = "Again", type = "text" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "key");

        var deleted = await ws.Http.DeleteAsync($"/api/v1/custom-fields/{tier.Id()}");
        await deleted.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        var after = await ws.Http.GetJsonAsync($"/api/v1/contacts/{contact.Id()}");
        Assert.False(after["customFields"]!.AsObject().ContainsKey("tier"));
        Assert.Empty((await ws.Http.GetJsonAsync("/api/v1/custom-fields?object=contacts")).Data());
        Assert.Single((await ws.Http.GetJsonAsync("/api/v1/custom-fields?object=contacts&archived=true")).Data());
        await (await ws.Http.PostJsonAsync("/api/v1/contacts/search", new { filter = new { field = "customFields.tier", value = "gold" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "filter");
        // The key is free again, with another type.
        await DefineAsync(ws.Http, new { @object = "contacts", key = "tier", label = "Tier number", type = "number" });
    }

    [Fact]
    public async Task Only_admins_define_fields_readers_see_the_types_they_read_and_other_workspaces_see_nothing()
    {
        var ws = await api.NewWorkspaceAsync();
        var onContacts = await DefineAsync(ws.Http, new { @object = "contacts", key = "a", label = "A", type = "text" });
        await DefineAsync(ws.Http, new { @object = "deals", key = "b", label = "B", type = "text" });
        var rep = await ws.MemberAsync("rep");
        await (await rep.Http.PostJsonAsync("/api/v1/custom-fields", new { @object = "contacts", key = "c", label = "C", type = "text" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(2, (await rep.Http.GetJsonAsync("/api/v1/custom-fields")).Data().Count);

        var contactsOnly = await ws.ClientWithScopesAsync(Scopes.ContactsRead);
        Assert.Equal(["a"], (await contactsOnly.GetJsonAsync("/api/v1/custom-fields")).Data().Select(d => d!["key"]!.GetValue<string>()));
        await (await contactsOnly.GetAsync("/api/v1/custom-fields?object=deals")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var other = await api.NewWorkspaceAsync();
        await (await other.Http.GetAsync($"/api/v1/custom-fields/{onContacts.Id()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await other.Http.GetJsonAsync("/api/v1/custom-fields")).Data());
        await (await other.Http.PostJsonAsync("/api/v1/contacts", new { firstName = "X", customFields = new { a = "x" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "customFields.a");
    }

    [Fact]
    public async Task A_definition_is_checked_when_made()
    {
        var ws = await api.NewWorkspaceAsync();
        await (await ws.Http.PostJsonAsync("/api/v1/custom-fields", new { @object = "contacts", key = "Bad Key", label = "X", type = "text" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "key");
        await (await ws.Http.PostJsonAsync("/api/v1/custom-fields", new { @object = "pipelines", key = "x", label = "X", type = "text" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "object");
        await (await ws.Http.PostJsonAsync("/api/v1/custom-fields", new { @object = "contacts", key = "x", label = "X", type = "single_select" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "options");
        await (await ws.Http.PostJsonAsync("/api/v1/custom-fields", new { @object = "contacts", key = "x", label = "X", type = "boolean", unique = true }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unique");
        await (await ws.Http.PostJsonAsync("/api/v1/custom-fields", new { @object = "contacts", key = "x", label = "X", type = "colour" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "type");
    }
}
