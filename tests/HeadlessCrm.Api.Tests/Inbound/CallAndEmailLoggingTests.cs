using HeadlessCrm.Api.Infrastructure.Access;

namespace HeadlessCrm.Api.Tests.Inbound;

/// <summary>Calls matched to contacts by phone number however written; emails by address; re-deliveries logged once.</summary>
public sealed class CallAndEmailLoggingTests(CrmApi api) : IClassFixture<CrmApi>
{
    [Fact]
    public async Task A_call_is_matched_to_the_contact_whose_number_is_written_differently()
    {
        var ws = await api.NewWorkspaceAsync();
        var rep = await ws.MemberAsync("rep");
        var us = await rep.Http.CreateAsync("/api/v1/contacts", new { firstName = "Dana", phones = new[] { new { value = "(555) 010-0199" } } });
        var uk = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Ellis", phones = new[] { new { value = "+44 20 7946 0958" } } });

        var inbound = await ws.Http.CreateAsync("/api/v1/calls", new
        {
            externalId = "call-1", direction = "inbound", from = "+1 555-010-0199", to = "+1 555 010 0100", durationSeconds = 95,
            outcome = "connected", recordingUrl = "https://recordings.example/call-1.mp3",
        });
        Assert.Equal("+15550100199", inbound["phoneNumber"]!.GetValue<string>());
        Assert.Equal(us.Id(), inbound["matchedContactId"]!.GetValue<string>());
        var activity = inbound["activity"]!;
        Assert.Equal("call", activity["type"]!.GetValue<string>());
        Assert.Equal("inbound", activity["direction"]!.GetValue<string>());
        Assert.Equal(95, activity["durationSeconds"]!.GetValue<int>());
        Assert.Equal("connected", activity["outcome"]!.GetValue<string>());
        Assert.Equal("https://recordings.example/call-1.mp3", activity["recordingUrl"]!.GetValue<string>());
        Assert.Equal(rep.Id, activity["ownerId"]!.GetValue<string>());

        var outbound = await ws.Http.CreateAsync("/api/v1/calls", new { direction = "outbound", from = "5550100100", to = "011 44 (20) 7946-0958" });
        Assert.Equal("+442079460958", outbound["phoneNumber"]!.GetValue<string>());
        Assert.Equal(uk.Id(), outbound["matchedContactId"]!.GetValue<string>());

        var timeline = (await rep.Http.GetJsonAsync($"/api/v1/activities?contactId={us.Id()}&type=call")).Data();
        Assert.Equal([activity.Id()], timeline.Select(a => a!.Id()));
    }

    [Fact]
    public async Task A_redelivered_call_returns_the_logged_activity_instead_of_a_second_one()
    {
        var ws = await api.NewWorkspaceAsync();
        var call = new { externalId = "pbx-42", direction = "inbound", from = "+1 555 010 0123", durationSeconds = 10 };
        var first = await ws.Http.CreateAsync("/api/v1/calls", call);
        Assert.Null(first["matchedContactId"]);
        var again = await ws.Http.PostJsonAsync("/api/v1/calls", call);
        await again.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal(first["activity"]!.Id(), (await again.JsonAsync())["activity"]!.Id());
        Assert.Single((await ws.Http.GetJsonAsync("/api/v1/activities?type=call")).Data());
    }

    [Fact]
    public async Task A_rep_logging_a_call_matches_only_contacts_they_can_see_and_bad_numbers_are_refused()
    {
        var ws = await api.NewWorkspaceAsync();
        var rep = await ws.MemberAsync("rep");
        var other = await ws.MemberAsync("rep");
        await other.Http.CreateAsync("/api/v1/contacts", new { firstName = "Hidden", phones = new[] { new { value = "555 010 0777" } } });

        var logged = await rep.Http.CreateAsync("/api/v1/calls", new { direction = "inbound", from = "+15550100777" });
        Assert.Null(logged["matchedContactId"]);
        Assert.Equal(rep.Id, logged["activity"]!["ownerId"]!.GetValue<string>());

        await (await ws.Http.PostJsonAsync("/api/v1/calls", new { direction = "inbound", from = "anonymous" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "from");
        await (await ws.Http.PostJsonAsync("/api/v1/calls", new { direction = "outbound", to = "12" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "to");
        await (await ws.Http.PostJsonAsync("/api/v1/calls", new { from = "+15550100777" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "direction");
        var reader = await ws.ClientWithScopesAsync(Scopes.ActivitiesRead);
        await (await reader.PostJsonAsync("/api/v1/calls", new { direction = "inbound", from = "+15550100777" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_email_is_linked_to_its_counterpart_and_reports_every_matched_contact()
    {
        var ws = await api.NewWorkspaceAsync();
        var alice = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Alice", emails = new[] { new { value = "alice@customer.example" } } });
        var bob = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Bob", emails = new[] { new { value = "bob@partner.example" } } });

        var received = await ws.Http.CreateAsync("/api/v1/emails", new
        {
            externalId = "<m1@customer.example>", from = "Alice@Customer.example", to = new[] { "sales@us.example" }, subject = "Quote?", body = "Hi",
        });
        Assert.Equal("inbound", received["activity"]!["direction"]!.GetValue<string>());
        Assert.Equal(alice.Id(), received["activity"]!["contactId"]!.GetValue<string>());
        Assert.Equal([alice.Id()], received["matchedContactIds"]!.AsArray().Select(i => i!.GetValue<string>()));

        var sent = await ws.Http.CreateAsync("/api/v1/emails", new
        {
            from = "sales@us.example", to = new[] { "stranger@nowhere.example", "BOB@partner.example" }, cc = new[] { "alice@customer.example" },
            subject = "Re: Quote?",
        });
        Assert.Equal("outbound", sent["activity"]!["direction"]!.GetValue<string>());
        Assert.Equal(bob.Id(), sent["activity"]!["contactId"]!.GetValue<string>());
        Assert.Equal([bob.Id(), alice.Id()], sent["matchedContactIds"]!.AsArray().Select(i => i!.GetValue<string>()));

        var again = await ws.Http.PostJsonAsync("/api/v1/emails", new
        {
            externalId = "<m1@customer.example>", from = "alice@customer.example", to = new[] { "sales@us.example" }, subject = "Quote?",
        });
        await again.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal(received["activity"]!.Id(), (await again.JsonAsync())["activity"]!.Id());
        Assert.Equal(2, (await ws.Http.GetJsonAsync("/api/v1/activities?type=email")).Data().Count);

        await (await ws.Http.PostJsonAsync("/api/v1/emails", new { from = "not an address", to = new[] { "x@y.example" } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "from");
        await (await ws.Http.PostJsonAsync("/api/v1/emails", new { from = "a@b.example" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "to");
    }
}
