using System.Text;

namespace HeadlessCrm.Api.Tests.Inbound;

/// <summary>Web-form lead capture: a public key, deduped on email, guarded by origins, a honeypot, size and rate limits.</summary>
public sealed class WebFormTests(FormHost api) : IClassFixture<FormHost>
{
    private const string Origin = "https://www.example.com";

    private static Task<JsonObject> FormAsync(TestWorkspace ws, string? ownerId = null) => ws.Http.CreateAsync("/api/v1/forms", new
    {
        name = "Contact us",
        allowedOrigins = new[] { "https://WWW.example.com/" },
        fieldMap = new Dictionary<string, string>
        {
            ["your-email"] = "email", ["first"] = "firstName", ["last"] = "lastName", ["tel"] = "phone", ["message"] = "message",
            ["budget"] = "customFields.budget",
        },
        defaultOwnerId = ownerId,
    });

    private Task<HttpResponseMessage> SubmitAsync(JsonObject form, object fields, string? origin = Origin)
    {
        var http = api.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, form["submitUrl"]!.GetValue<string>())
        {
            Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(fields), Encoding.UTF8, "application/json"),
        };
        if (origin is not null) request.Headers.Add("Origin", origin);
        return http.SendAsync(request);
    }

    [Fact]
    public async Task A_submission_creates_a_web_form_lead_owned_by_the_forms_owner_and_a_second_one_updates_it()
    {
        var ws = await api.NewWorkspaceAsync();
        var rep = await ws.MemberAsync("rep");
        await ws.Http.CreateAsync("/api/v1/custom-fields", new { @object = "contacts", key = "budget", label = "Budget", type = "text" });
        await using var receiver = await WebhookReceiver.StartAsync();
        await ws.Http.CreateAsync("/api/v1/webhooks", new { targetUrl = receiver.Url, eventTypes = new[] { "lead.captured" } });
        var form = await FormAsync(ws, rep.Id);
        Assert.StartsWith("wf_", form["formKey"]!.GetValue<string>());
        Assert.Equal(["https://www.example.com"], form["allowedOrigins"]!.AsArray().Select(o => o!.GetValue<string>()));

        var first = await SubmitAsync(form, new Dictionary<string, string> { ["your-email"] = "Grace@Example.com", ["first"] = "Grace", ["message"] = "Call me" });
        await first.ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        Assert.Equal(Origin, first.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var second = await SubmitAsync(form, new Dictionary<string, string>
        {
            ["your-email"] = "grace@example.com", ["first"] = "Someone else", ["last"] = "Hopper", ["tel"] = "+1 555 0100", ["budget"] = "5000",
        });
        await second.ShouldHaveStatusAsync(HttpStatusCode.Accepted);

        var contact = Assert.Single((await rep.Http.GetJsonAsync("/api/v1/contacts")).Data())!;
        Assert.Equal("Grace", contact["firstName"]!.GetValue<string>());
        Assert.Equal("Hopper", contact["lastName"]!.GetValue<string>());
        Assert.Equal("web_form", contact["source"]!.GetValue<string>());
        Assert.Equal(rep.Id, contact["ownerId"]!.GetValue<string>());
        Assert.Equal("+1 555 0100", contact["phones"]![0]!["value"]!.GetValue<string>());
        Assert.Equal("5000", contact["customFields"]!["budget"]!.GetValue<string>());

        var notes = (await rep.Http.GetJsonAsync($"/api/v1/activities?contactId={contact.Id()}&type=note&sort=createdAt")).Data();
        Assert.Equal(2, notes.Count);
        Assert.Equal("Web form: Contact us", notes[0]!["subject"]!.GetValue<string>());
        Assert.Contains("message: Call me", notes[0]!["body"]!.GetValue<string>());

        var leads = (await receiver.WaitForAsync(2)).Select(r => JsonNode.Parse(r.Body)!["data"]!).OrderBy(d => !d["details"]!["newContact"]!.GetValue<bool>()).ToList();
        Assert.Equal([true, false], leads.Select(l => l["details"]!["newContact"]!.GetValue<bool>()));
        Assert.All(leads, l => Assert.Equal(contact.Id(), l["record"]!.Id()));
        Assert.Equal(form.Id(), leads[0]["details"]!["formId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_known_email_owned_by_a_rep_is_updated_not_duplicated()
    {
        var ws = await api.NewWorkspaceAsync();
        var rep = await ws.MemberAsync("rep");
        var known = await rep.Http.CreateAsync("/api/v1/contacts", new { firstName = "Linus", emails = new[] { new { value = "linus@example.org" } } });
        var form = await FormAsync(ws);

        await (await SubmitAsync(form, new Dictionary<string, string> { ["your-email"] = "LINUS@example.org", ["last"] = "Torvalds" }))
            .ShouldHaveStatusAsync(HttpStatusCode.Accepted);

        var contacts = (await ws.Http.GetJsonAsync("/api/v1/contacts")).Data();
        var contact = Assert.Single(contacts)!;
        Assert.Equal(known.Id(), contact.Id());
        Assert.Equal("Torvalds", contact["lastName"]!.GetValue<string>());
        Assert.Null(contact["source"]);
        Assert.Equal(rep.Id, contact["ownerId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_filled_honeypot_is_answered_like_a_lead_and_nothing_is_kept()
    {
        var ws = await api.NewWorkspaceAsync();
        var form = await FormAsync(ws);
        var response = await SubmitAsync(form, new Dictionary<string, string> { ["your-email"] = "bot@spam.example", ["website"] = "http://spam.example" });
        await response.ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        Assert.True((await response.JsonAsync())["received"]!.GetValue<bool>());
        Assert.Empty((await ws.Http.GetJsonAsync("/api/v1/contacts")).Data());
        Assert.Empty((await ws.Http.GetJsonAsync("/api/v1/activities")).Data());
    }

    [Fact]
    public async Task Bad_keys_foreign_origins_oversize_bodies_and_missing_emails_are_refused()
    {
        var ws = await api.NewWorkspaceAsync();
        var form = await FormAsync(ws);
        var bogus = new JsonObject { ["submitUrl"] = "/api/v1/forms/wf_not-a-key/submissions" };
        await (await SubmitAsync(bogus, new { email = "a@b.c" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SubmitAsync(form, new Dictionary<string, string> { ["your-email"] = "a@b.example" }, "https://evil.example"))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await SubmitAsync(form, new Dictionary<string, string> { ["your-email"] = "a@b.example" }, origin: null))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await SubmitAsync(form, new Dictionary<string, string> { ["your-email"] = "a@b.example", ["message"] = new string('x', 3000) }))
            .ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await (await SubmitAsync(form, new Dictionary<string, string> { ["first"] = "No email" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "your-email");
        Assert.Empty((await ws.Http.GetJsonAsync("/api/v1/contacts")).Data());
    }

    [Fact]
    public async Task A_form_key_past_its_rate_limit_gets_429_with_retry_after_and_other_forms_do_not()
    {
        var ws = await api.NewWorkspaceAsync();
        var form = await FormAsync(ws);
        var other = await FormAsync(ws);
        for (var i = 0; i < 3; i++)
            await (await SubmitAsync(form, new Dictionary<string, string> { ["your-email"] = $"lead{i}@example.com" })).ShouldHaveStatusAsync(HttpStatusCode.Accepted);

        var refused = await SubmitAsync(form, new Dictionary<string, string> { ["your-email"] = "lead3@example.com" });
        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single()) >= 1);
        await (await SubmitAsync(other, new Dictionary<string, string> { ["your-email"] = "lead3@example.com" })).ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        Assert.Equal(4, (await ws.Http.GetJsonAsync("/api/v1/contacts")).Data().Count);
    }

    [Fact]
    public async Task Forms_are_an_admins_and_invisible_to_other_workspaces()
    {
        var ws = await api.NewWorkspaceAsync();
        var form = await FormAsync(ws);
        var rep = await ws.MemberAsync("rep");
        await (await rep.Http.PostJsonAsync("/api/v1/forms", new { name = "Mine", fieldMap = new { email = "email" } })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var stranger = await api.NewWorkspaceAsync();
        await (await stranger.Http.GetAsync($"/api/v1/forms/{form.Id()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await ws.Http.PostJsonAsync("/api/v1/forms", new { name = "No email", fieldMap = new { first = "firstName" } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "fieldMap");
    }
}
