using System.Text;

namespace HeadlessCrm.Api.Tests.Import;

/// <summary>CSV imports: upload, mapping, dry run, upserts, per-row errors, visibility, erasure blocks, large files.</summary>
public sealed class CsvImportTests(ImportHost api) : IClassFixture<ImportHost>
{
    private static JsonNode[] Sorted(JsonNode page) => [.. page.Data().Select(c => c!).OrderBy(c => c["firstName"]?.GetValue<string>(), StringComparer.Ordinal)];

    [Fact]
    public async Task Imports_quoted_multiline_fields_from_a_file_with_a_byte_order_mark_into_contacts()
    {
        var ws = await api.NewWorkspaceAsync();
        await ws.Http.CreateAsync("/api/v1/custom-fields", new { @object = "contacts", key = "seats", label = "Seats", type = "number" });
        var csv = "First name,Last name,Work email,Home email,Tags,Seats,Notes\r\n"
                  + "Ana,\"Lopez, Jr.\",ana@example.com,ana.home@example.com,vip; beta,12,\"two\r\nlines, \"\"quoted\"\"\"\r\n"
                  + "Ben,,ben@example.com,,,,\r\n";
        var job = await ws.Http.ImportAsync(new
        {
            @object = "contacts",
            columns = new Dictionary<string, string?>
            {
                ["First name"] = "firstName", ["Last name"] = "lastName", ["Work email"] = "emails", ["Home email"] = "emails",
                ["Tags"] = "tags", ["Seats"] = "customFields.seats", ["Notes"] = null,
            },
        }, csv, byteOrderMark: true);

        Assert.Equal("done", job["status"]!.GetValue<string>());
        Assert.Equal((2, 2, 2, 0, 0), job.Counts());
        Assert.NotNull(job["finishedAt"]);
        var contacts = Sorted(await ws.Http.GetJsonAsync("/api/v1/contacts"));
        Assert.Equal(2, contacts.Length);
        var ana = contacts[0]!;
        Assert.Equal(("Ana", "Lopez, Jr."), (ana["firstName"]!.GetValue<string>(), ana["lastName"]!.GetValue<string>()));
        Assert.Equal(["ana@example.com", "ana.home@example.com"], ana["emails"]!.AsArray().Select(e => e!["value"]!.GetValue<string>()));
        Assert.Equal(["beta", "vip"], ana["tags"]!.AsArray().Select(t => t!.GetValue<string>()).Order());
        Assert.Equal(12, ana["customFields"]!["seats"]!.GetValue<int>());
        Assert.Null(contacts[1]!["lastName"]);
        Assert.Equal("row,column,field,message,First name,Last name,Work email,Home email,Tags,Seats,Notes\r\n", await ws.Http.ErrorsCsvAsync(job.Id()));
    }

    [Fact]
    public async Task A_mapping_that_names_no_field_or_one_field_twice_or_misses_a_column_is_a_400_before_any_row_runs()
    {
        var ws = await api.NewWorkspaceAsync();
        await (await ws.Http.PostJsonAsync("/api/v1/imports", new { @object = "contacts", columns = new Dictionary<string, string> { ["Name"] = "firstName", ["Shoe"] = "shoeSize" } }))
            .ShouldBeColumnProblemAsync("Shoe");
        await (await ws.Http.PostJsonAsync("/api/v1/imports", new { @object = "contacts", columns = new Dictionary<string, string> { ["A"] = "firstName", ["B"] = "firstName" } }))
            .ShouldBeColumnProblemAsync("B");
        await (await ws.Http.PostJsonAsync("/api/v1/imports", new { @object = "contacts", columns = new { A = "firstName" }, matchBy = "domain" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "matchBy");
        await (await ws.Http.PostJsonAsync("/api/v1/imports", new { @object = "contacts", columns = new { A = "firstName" }, matchBy = "email" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "matchBy");
        await (await ws.Http.PostJsonAsync("/api/v1/imports", new { @object = "planets", columns = new { A = "name" } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "object");
        await ws.Http.CreateAsync("/api/v1/imports", new { @object = "contacts", columns = new { A = "emails", B = "emails" } });

        var job = await ws.Http.CreateAsync("/api/v1/imports", new { @object = "contacts", columns = new Dictionary<string, string> { ["Name"] = "firstName", ["Email"] = "emails" } });
        await (await ws.Http.UploadAsync(job.Id(), "Name,Email,Extra\r\nAna,ana@example.com,x\r\n")).ShouldBeColumnProblemAsync("Extra");
        await (await ws.Http.UploadAsync(job.Id(), "Name\r\nAna\r\n")).ShouldBeColumnProblemAsync("Email");
        await (await ws.Http.UploadAsync(job.Id(), "Name,Email,Name\r\n")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "file");
        await (await ws.Http.UploadAsync(job.Id(), "")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "file");
        await (await ws.Http.PutAsync($"/api/v1/imports/{job.Id()}/file", new StringContent("Name,Email", Encoding.UTF8, "application/json")))
            .ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        var stillPending = await ws.Http.GetJsonAsync($"/api/v1/imports/{job.Id()}");
        Assert.Equal(("pending", 0), (stillPending["status"]!.GetValue<string>(), stillPending["rowsTotal"]!.GetValue<int>()));

        var invalidUtf8 = new ByteArrayContent([.. "Name,Email\r\n"u8.ToArray(), 0xC3, 0x28, (byte)'\r', (byte)'\n']);
        invalidUtf8.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        await (await ws.Http.PutAsync($"/api/v1/imports/{job.Id()}/file", invalidUtf8)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "file");

        await (await ws.Http.UploadAsync(job.Id(), "Email,Name\nana@example.com,Ana\n")).ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        await (await ws.Http.UploadAsync(job.Id(), "Email,Name\nben@example.com,Ben\n")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "file");
        Assert.Equal((1, 1, 1, 0, 0), (await ImportClient.EndedAsync(ws.Http, job.Id())).Counts());
        Assert.Equal(["Ana"], (await ws.Http.GetJsonAsync("/api/v1/contacts")).Data().Select(c => c!["firstName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_dry_run_reports_what_would_be_created_updated_and_failed_and_writes_nothing()
    {
        var ws = await api.NewWorkspaceAsync();
        var ana = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Ana", lastName = "Lopez", emails = new[] { new { value = "ana@example.com" } } });
        var auditBefore = (await ws.Http.GetJsonAsync("/api/v1/audit?limit=100")).Data().Count;
        const string csv = "First,Last,Email\r\nAna B,,ANA@example.com\r\nBen,,ben@example.com\r\nCara,,not-an-email\r\n";
        var job = await ws.Http.ImportAsync(new
        {
            @object = "contacts", matchBy = "email", dryRun = true,
            columns = new Dictionary<string, string?> { ["First"] = "firstName", ["Last"] = "lastName", ["Email"] = "emails" },
        }, csv);

        Assert.Equal(("done", true), (job["status"]!.GetValue<string>(), job["dryRun"]!.GetValue<bool>()));
        Assert.Equal((3, 3, 1, 1, 1), job.Counts());
        var contacts = (await ws.Http.GetJsonAsync("/api/v1/contacts")).Data();
        Assert.Equal("Ana", Assert.Single(contacts)!["firstName"]!.GetValue<string>());
        Assert.Equal(auditBefore, (await ws.Http.GetJsonAsync("/api/v1/audit?limit=100")).Data().Count);
        Assert.Contains("4,Email,emails[0].value,", await ws.Http.ErrorsCsvAsync(job.Id()));

        // The same file for real: the upsert updates Ana (an empty cell keeps her last name) and creates Ben.
        var real = await ws.Http.ImportAsync(new
        {
            @object = "contacts", matchBy = "email",
            columns = new Dictionary<string, string?> { ["First"] = "firstName", ["Last"] = "lastName", ["Email"] = "emails" },
        }, csv);
        Assert.Equal((3, 3, 1, 1, 1), real.Counts());
        var updated = await ws.Http.GetJsonAsync($"/api/v1/contacts/{ana.Id()}");
        Assert.Equal(("Ana B", "Lopez"), (updated["firstName"]!.GetValue<string>(), updated["lastName"]!.GetValue<string>()));
        Assert.Equal(["Ana B", "Ben"], Sorted(await ws.Http.GetJsonAsync("/api/v1/contacts")).Select(c => c!["firstName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_row_upserting_the_email_of_an_earlier_row_of_the_file_updates_the_record_that_row_created()
    {
        var ws = await api.NewWorkspaceAsync();
        const string csv = "First,Last,Email\r\nAna,,ana@example.com\r\n,Lopez,ANA@example.com\r\nBen,,ben@example.com\r\n";
        var job = await ws.Http.ImportAsync(new
        {
            @object = "contacts", matchBy = "email",
            columns = new Dictionary<string, string?> { ["First"] = "firstName", ["Last"] = "lastName", ["Email"] = "emails" },
        }, csv);

        Assert.Equal((3, 3, 2, 1, 0), job.Counts());
        var contacts = Sorted(await ws.Http.GetJsonAsync("/api/v1/contacts"));
        Assert.Equal([("Ana", "Lopez"), ("Ben", null)], contacts.Select(c => (c["firstName"]!.GetValue<string>(), c["lastName"]?.GetValue<string>())));
    }

    [Fact]
    public async Task Failed_rows_download_as_csv_with_their_row_column_field_message_and_cells()
    {
        var ws = await api.NewWorkspaceAsync();
        await ws.Http.CreateAsync("/api/v1/custom-fields", new { @object = "contacts", key = "seats", label = "Seats", type = "number" });
        const string csv = "Name,Email,Seats\r\n"
                           + "Ana,ana@example.com,3\r\n"
                           + "Bad,not-an-email,7\r\n"
                           + "Eve,eve@example.com,many\r\n"
                           + "Cara,cara@example.com,4,extra\r\n"
                           + "\r\n"
                           + ",,\r\n"
                           + "Dan,dan@example.com,5\r\n";
        var job = await ws.Http.ImportAsync(new
        {
            @object = "contacts", columns = new Dictionary<string, string?> { ["Name"] = "firstName", ["Email"] = "emails", ["Seats"] = "customFields.seats" },
        }, csv);

        Assert.Equal("done", job["status"]!.GetValue<string>());
        Assert.Equal((6, 6, 2, 0, 4), job.Counts());
        Assert.Equal(
            "row,column,field,message,Name,Email,Seats\r\n"
            + "3,Email,emails[0].value,An email address like name@example.com.,Bad,not-an-email,7\r\n"
            + "4,Seats,customFields.seats,A whole number.,Eve,eve@example.com,many\r\n"
            + "5,,,The row has 4 fields; the header has 3.,Cara,cara@example.com,4,extra\r\n"
            + "7,,lastName,\"A contact needs a first name, a last name or an email.\",,,\r\n",
            await ws.Http.ErrorsCsvAsync(job.Id()));
        Assert.Equal(["Ana", "Dan"], Sorted(await ws.Http.GetJsonAsync("/api/v1/contacts")).Select(c => c!["firstName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_managers_import_runs_with_their_visibility_and_only_they_and_admins_see_it()
    {
        var ws = await api.NewWorkspaceAsync();
        var team = await ws.TeamAsync("East");
        var manager = await ws.MemberAsync("manager", team);
        var otherManager = await ws.MemberAsync("manager", await ws.TeamAsync("West"));
        var rep = await ws.MemberAsync("rep", team);
        var hidden = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Not theirs", emails = new[] { new { value = "shared@example.com" } } });

        var job = await manager.Http.ImportAsync(new
        {
            @object = "contacts", matchBy = "email", columns = new Dictionary<string, string?> { ["Name"] = "firstName", ["Email"] = "emails" },
        }, "Name,Email\r\nHijacked,shared@example.com\r\n");

        // The record the manager cannot see was not a candidate: a new one, theirs, was created instead.
        Assert.Equal((1, 1, 1, 0, 0), job.Counts());
        Assert.Equal("Not theirs", (await ws.Http.GetJsonAsync($"/api/v1/contacts/{hidden.Id()}"))["firstName"]!.GetValue<string>());
        var theirs = Assert.Single((await manager.Http.GetJsonAsync("/api/v1/contacts")).Data())!;
        Assert.Equal(("Hijacked", manager.Id), (theirs["firstName"]!.GetValue<string>(), theirs["ownerId"]!.GetValue<string>()));
        Assert.Equal(manager.Id, job["createdByMemberId"]!.GetValue<string>());

        await (await otherManager.Http.GetAsync($"/api/v1/imports/{job.Id()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await otherManager.Http.GetJsonAsync("/api/v1/imports")).Data());
        Assert.Equal(job.Id(), Assert.Single((await ws.Http.GetJsonAsync("/api/v1/imports")).Data())!.Id());
        await (await rep.Http.PostJsonAsync("/api/v1/imports", new { @object = "contacts", columns = new { Name = "firstName" } }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var noContactWrite = await ws.ClientWithScopesAsync("crm.import", "crm.companies.write", "crm.contacts.read");
        await (await noContactWrite.PostJsonAsync("/api/v1/imports", new { @object = "contacts", columns = new { Name = "firstName" } }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_address_erased_with_a_reimport_block_fails_its_row()
    {
        var ws = await api.NewWorkspaceAsync();
        var erika = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Erika", emails = new[] { new { value = "erika@example.com" } } });
        await (await ws.Http.PostJsonAsync($"/api/v1/contacts/{erika.Id()}/erase", new { blockReimport = true })).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var job = await ws.Http.ImportAsync(new
        {
            @object = "contacts", columns = new Dictionary<string, string?> { ["Name"] = "firstName", ["Mail"] = "emails" },
        }, "Name,Mail\r\nErika,Erika@Example.com\r\nMax,max@example.com\r\n");

        Assert.Equal((2, 2, 1, 0, 1), job.Counts());
        Assert.Equal("row,column,field,message,Name,Mail\r\n"
                     + "2,Mail,emails[0].value,This address belongs to a person erased at their request who asked not to be added again.,Erika,Erika@Example.com\r\n",
            await ws.Http.ErrorsCsvAsync(job.Id()));
        Assert.Equal(["Max"], (await ws.Http.GetJsonAsync("/api/v1/contacts")).Data().Select(c => c!["firstName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_file_over_one_mebibyte_imports_whole_and_one_over_the_import_limit_is_a_413()
    {
        var ws = await api.NewWorkspaceAsync();
        var columns = new Dictionary<string, string?> { ["Name"] = "name", ["Domain"] = "domain", ["Notes"] = null };
        var padding = new string('x', 600);
        var csv = new StringBuilder("Name,Domain,Notes\r\n");
        for (var i = 0; i < 2000; i++) csv.Append($"Company {i:D4},c{i}.example,{padding}\r\n");
        Assert.True(Encoding.UTF8.GetByteCount(csv.ToString()) > 1024 * 1024);

        var job = await ws.Http.ImportAsync(new { @object = "companies", matchBy = "domain", columns }, csv.ToString());
        Assert.Equal("done", job["status"]!.GetValue<string>());
        Assert.Equal((2000, 2000, 2000, 0, 0), job.Counts());
        var last = await ws.Http.GetJsonAsync("/api/v1/companies?sort=-name&limit=1");
        Assert.Equal("Company 1999", last.Data()[0]!["name"]!.GetValue<string>());

        for (var i = 2000; i < 4000; i++) csv.Append($"Company {i:D4},c{i}.example,{padding}\r\n");
        Assert.True(Encoding.UTF8.GetByteCount(csv.ToString()) > ImportHost.MaxUploadBytes);
        var tooBig = await ws.Http.CreateAsync("/api/v1/imports", new { @object = "companies", columns });
        await (await ws.Http.UploadAsync(tooBig.Id(), csv.ToString())).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("pending", (await ws.Http.GetJsonAsync($"/api/v1/imports/{tooBig.Id()}"))["status"]!.GetValue<string>());
        // Other endpoints keep the 1 MiB default.
        await (await ws.Http.PostRawAsync("/api/v1/companies", $"{{\"name\":\"{new string('y', 1100 * 1024)}\"}}"))
            .ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Each_imported_record_raises_its_created_event_and_the_finished_import_raises_import_completed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var ws = await api.NewWorkspaceAsync();
        await ws.Http.CreateAsync("/api/v1/webhooks", new Dictionary<string, object?>
        {
            ["targetUrl"] = receiver.Url, ["eventTypes"] = new[] { "company.created", "import.completed" },
        });

        var job = await ws.Http.ImportAsync(new { @object = "companies", columns = new Dictionary<string, string?> { ["Name"] = "name" } }, "Name\r\nAcme\r\nGlobex\r\n");

        var bodies = (await receiver.WaitForAsync(3)).Select(r => JsonNode.Parse(r.Body)!).ToList();
        Assert.Equal(["company.created", "company.created", "import.completed"], bodies.Select(b => b["type"]!.GetValue<string>()).Order());
        var details = bodies.Single(b => b["type"]!.GetValue<string>() == "import.completed")["data"]!["details"]!;
        Assert.Equal((job.Id(), "companies", 2, 2, 0), (details["importId"]!.GetValue<string>(), details["object"]!.GetValue<string>(),
            details["rowsTotal"]!.GetValue<int>(), details["created"]!.GetValue<int>(), details["failed"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_cancelled_import_takes_no_file_and_cannot_be_cancelled_twice()
    {
        var ws = await api.NewWorkspaceAsync();
        var job = await ws.Http.CreateAsync("/api/v1/imports", new { @object = "deals", columns = new { Title = "title" } });
        var cancel = await ws.Http.PostJsonAsync($"/api/v1/imports/{job.Id()}/cancel", new { });
        await cancel.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal("cancelled", (await cancel.JsonAsync())["status"]!.GetValue<string>());
        await (await ws.Http.PostJsonAsync($"/api/v1/imports/{job.Id()}/cancel", new { })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "status");
        await (await ws.Http.UploadAsync(job.Id(), "Title\r\nBig one\r\n")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "file");
        await (await ws.Http.GetAsync($"/api/v1/imports/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
