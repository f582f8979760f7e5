using HeadlessCrm.Api.Tests.Graph;

namespace HeadlessCrm.Api.Tests.Lists;

/// <summary>The filters a salesperson uses, as list parameters and as search trees.</summary>
public sealed class FilterTests(CrmApi api) : IClassFixture<CrmApi>
{
    private static IEnumerable<string> Ids(JsonNode page) => page.Data().Select(r => r!.Id()).Order();

    [Fact]
    public async Task Deals_filter_by_owner_pipeline_stage_status_company_tag_and_amount_range()
    {
        var ws = await api.NewWorkspaceAsync();
        var stages = Assert.Single((await ws.Http.GetJsonAsync("/api/v1/pipelines")).Data())!["stages"]!.AsArray();
        var won = stages.First(s => s!["kind"]!.GetValue<string>() == "won")!.Id();
        var company = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Filter Co" });
        var small = await ws.Http.CreateAsync("/api/v1/deals", new { title = "Small", amount = 500, currency = "EUR", tags = new[] { "upsell" } });
        var big = await ws.Http.CreateAsync("/api/v1/deals", new { title = "Big", amount = 90000, currency = "EUR", companyId = company.Id(), stageId = stages[1]!.Id() });
        var closed = await ws.Http.CreateAsync("/api/v1/deals", new { title = "Closed", amount = 3000, currency = "USD", stageId = won });

        Assert.Equal([big.Id()], Ids(await ws.Http.GetJsonAsync($"/api/v1/deals?stageId={stages[1]!.Id()}")));
        Assert.Equal([closed.Id()], Ids(await ws.Http.GetJsonAsync("/api/v1/deals?status=won")));
        Assert.Equal(new[] { small.Id(), big.Id() }.Order(), Ids(await ws.Http.GetJsonAsync("/api/v1/deals?status=open")));
        Assert.Equal(new[] { small.Id(), closed.Id() }.Order(), Ids(await ws.Http.GetJsonAsync("/api/v1/deals?amountMax=5000")));
        Assert.Equal([closed.Id()], Ids(await ws.Http.GetJsonAsync("/api/v1/deals?amountMin=1000&amountMax=5000")));
        Assert.Equal([big.Id()], Ids(await ws.Http.GetJsonAsync($"/api/v1/deals?companyId={company.Id()}")));
        Assert.Equal([small.Id()], Ids(await ws.Http.GetJsonAsync("/api/v1/deals?tag=UPSELL")));
        Assert.Equal([closed.Id()], Ids(await ws.Http.GetJsonAsync("/api/v1/deals?currency=USD")));
        var pipelineId = big["pipelineId"]!.GetValue<string>();
        Assert.Equal(3, (await ws.Http.GetJsonAsync($"/api/v1/deals?pipelineId={pipelineId}")).Data().Count);
        Assert.Empty((await ws.Http.GetJsonAsync($"/api/v1/deals?ownerId={Guid.NewGuid()}")).Data());
    }

    [Fact]
    public async Task Contacts_filter_by_lifecycle_stage_source_company_and_created_range()
    {
        var ws = await api.NewWorkspaceAsync();
        var company = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Stage Co" });
        var lead = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Lead", source = "event" });
        var customer = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Customer", lifecycleStage = "customer", source = "referral", companyId = company.Id() });
        var churned = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Churned", lifecycleStage = "churned", source = "referral" });

        Assert.Equal([lead.Id()], Ids(await ws.Http.GetJsonAsync("/api/v1/contacts?lifecycleStage=lead")));
        Assert.Equal(new[] { customer.Id(), churned.Id() }.Order(), Ids(await ws.Http.GetJsonAsync("/api/v1/contacts?lifecycleStage=customer,churned")));
        Assert.Equal(new[] { customer.Id(), churned.Id() }.Order(), Ids(await ws.Http.GetJsonAsync("/api/v1/contacts?source=referral")));
        Assert.Equal([customer.Id()], Ids(await ws.Http.GetJsonAsync($"/api/v1/contacts?companyId={company.Id()}")));
        var after = customer["createdAt"]!.GetValue<string>();
        Assert.Equal(new[] { customer.Id(), churned.Id() }.Order(), Ids(await ws.Http.GetJsonAsync($"/api/v1/contacts?createdAfter={Uri.EscapeDataString(after)}")));
        Assert.Equal([lead.Id()], Ids(await ws.Http.GetJsonAsync($"/api/v1/contacts?createdBefore={Uri.EscapeDataString(after)}")));
    }

    [Fact]
    public async Task Companies_filter_by_kind_domain_and_name_text()
    {
        var ws = await api.NewWorkspaceAsync();
        var partner = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Northwind Traders", kind = "partner", domain = "northwind.example" });
        var supplier = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Contoso Supplies", kind = "supplier" });

        Assert.Equal([partner.Id()], Ids(await ws.Http.GetJsonAsync("/api/v1/companies?kind=partner")));
        Assert.Equal([partner.Id()], Ids(await ws.Http.GetJsonAsync("/api/v1/companies?domain=northwind.example")));
        Assert.Equal([supplier.Id()], Ids(await ws.Http.GetJsonAsync("/api/v1/companies?name=contoso")));
        Assert.Empty((await ws.Http.GetJsonAsync("/api/v1/companies?name=100%25")).Data());
    }

    [Fact]
    public async Task Search_takes_or_of_and_groups_and_not()
    {
        var ws = await api.NewWorkspaceAsync();
        var a = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "A", lifecycleStage = "customer", source = "email" });
        var b = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "B", lifecycleStage = "lead", source = "social" });
        var c = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "C", lifecycleStage = "lead", source = "email" });

        var response = await ws.Http.PostJsonAsync("/api/v1/contacts/search", new
        {
            filter = new
            {
                or = new object[]
                {
                    new { and = new object[] { new { field = "lifecycleStage", value = "customer" }, new { field = "source", value = "email" } } },
                    new { and = new object[] { new { field = "lifecycleStage", value = "lead" }, new { not = new { field = "source", value = "email" } } } },
                },
            },
            sort = "createdAt",
        });
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal([a.Id(), b.Id()], (await response.JsonAsync()).Data().Select(x => x!.Id()));
        Assert.DoesNotContain(c.Id(), (await response.JsonAsync()).Data().Select(x => x!.Id()));
    }

    [Fact]
    public async Task Contacts_can_be_found_through_their_companys_kind_and_size()
    {
        var ws = await api.NewWorkspaceAsync();
        var bigPartner = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Big partner", kind = "partner", employeeCount = 500 });
        var smallPartner = await ws.Http.CreateAsync("/api/v1/companies", new { name = "Small partner", kind = "partner", employeeCount = 10 });
        var atBig = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Big", companyId = bigPartner.Id() });
        await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Small", companyId = smallPartner.Id() });
        await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "None" });

        var response = await ws.Http.PostJsonAsync("/api/v1/contacts/search", new
        {
            filter = new { and = new object[] { new { field = "company.kind", value = "partner" }, new { field = "company.employeeCount", op = "gt", value = 50 } } },
        });
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal([atBig.Id()], (await response.JsonAsync()).Data().Select(x => x!.Id()));
    }

    [Theory]
    [InlineData("""{"filter":{"field":"nope","value":1}}""", "filter")]
    [InlineData("""{"filter":{"field":"amount","op":"contains","value":"1"}}""", "filter")]
    [InlineData("""{"filter":{"field":"amount","op":"gt","value":"lots"}}""", "filter")]
    [InlineData("""{"filter":{"field":"status","value":"pending"}}""", "filter")]
    [InlineData("""{"filter":{"or":[]}}""", "filter.or")]
    [InlineData("""{"filter":{"field":"amount","op":"between","value":1}}""", "filter.op")]
    [InlineData("""{"filter":{"field":"company","value":"x"}}""", "filter")]
    [InlineData("""{"sort":"title"}""", "sort")]
    [InlineData("""{"limit":0}""", "limit")]
    [InlineData("""{"limit":101}""", "limit")]
    public async Task A_search_it_cannot_run_is_a_400_naming_the_part(string body, string field)
    {
        var ws = await api.NewWorkspaceAsync();
        var response = await ws.Http.PostRawAsync("/api/v1/deals/search", body);
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Contacts_filter_by_email_and_phone_key_within_a_tree_and_within_what_the_caller_sees()
    {
        var ws = await api.NewWorkspaceAsync();
        var rep = await ws.MemberAsync("rep");
        var ada = await rep.Http.CreateAsync("/api/v1/contacts", new { firstName = "Ada", lifecycleStage = "lead",
            emails = new object[] { new { value = "ada@work.example" }, new { value = "Ada.L@Home.example" } }, phones = new object[] { new { value = "+44 20 7946 0001" } } });
        var alan = await rep.Http.CreateAsync("/api/v1/contacts", new { firstName = "Alan", lifecycleStage = "customer",
            emails = new object[] { new { value = "alan@work.example" } } });
        var hidden = await ws.Http.CreateAsync("/api/v1/contacts", new { firstName = "Hidden", emails = new object[] { new { value = "ada@work.example" } } });

        Assert.Equal(new[] { ada.Id(), hidden.Id() }.Order(), Ids(await ws.Http.GetJsonAsync("/api/v1/contacts?email=ADA@work.example")));
        Assert.Equal([ada.Id()], Ids(await rep.Http.GetJsonAsync("/api/v1/contacts?email=ada@work.example")));
        Assert.Equal([ada.Id()], Ids(await Search(rep.Http, new { field = "email", op = "contains", value = " ada.l@home.EXAMPLE " })));
        Assert.Equal(new[] { ada.Id(), alan.Id() }.Order(),
            Ids(await Search(rep.Http, new { field = "email", op = "containsAny", value = new[] { "alan@work.example", "ada.l@home.example" } })));
        Assert.Empty((await Search(rep.Http, new { field = "email", op = "containsAll", value = new[] { "alan@work.example", "ada.l@home.example" } })).Data());
        Assert.Equal([alan.Id()], Ids(await Search(rep.Http, new { not = new { field = "email", op = "contains", value = "ada@work.example" } })));
        Assert.Equal(new[] { ada.Id(), alan.Id() }.Order(), Ids(await Search(rep.Http, new
        {
            or = new object[] { new { field = "email", op = "contains", value = "ada@work.example" }, new { field = "lifecycleStage", value = "customer" } },
        })));
        Assert.Equal([ada.Id()], Ids(await Search(rep.Http, new { field = "phone", op = "contains", value = "+44 (20) 7946-0001" })));
        Assert.Empty((await Search(rep.Http, new { field = "email", op = "contains", value = "nobody@work.example" })).Data());
    }

    [Fact]
    public async Task An_email_lookup_stays_in_its_workspace_leaves_archived_contacts_out_and_reaches_deals_through_their_contacts()
    {
        var ws = await api.NewWorkspaceAsync();
        var other = await api.NewWorkspaceAsync();
        var rep = await ws.MemberAsync("rep");
        var grace = await rep.Http.CreateAsync("/api/v1/contacts", new { firstName = "Grace", emails = new object[] { new { value = "grace@navy.example" } } });
        var gone = await rep.Http.CreateAsync("/api/v1/contacts", new { firstName = "Gone", emails = new object[] { new { value = "grace@navy.example" } } });
        await (await rep.Http.DeleteAsync($"/api/v1/contacts/{gone.Id()}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await other.Http.CreateAsync("/api/v1/contacts", new { firstName = "Elsewhere", emails = new object[] { new { value = "grace@navy.example" } } });
        var deal = await rep.Http.CreateAsync("/api/v1/deals", new { title = "Cobol", contactIds = new[] { grace.Id() } });
        await rep.Http.CreateAsync("/api/v1/deals", new { title = "No contact" });

        Assert.Equal([grace.Id()], Ids(await Search(rep.Http, new { field = "email", op = "contains", value = "grace@navy.example" })));
        Assert.Equal([grace.Id()], Ids(await ws.Http.GetJsonAsync("/api/v1/contacts?email=grace@navy.example")));
        Assert.Equal([gone.Id()], Ids(await ws.Http.GetJsonAsync("/api/v1/contacts?email=grace@navy.example&archived=true")));
        Assert.Empty((await other.Http.GetJsonAsync($"/api/v1/contacts?email=nobody@navy.example")).Data());
        Assert.Single((await other.Http.GetJsonAsync("/api/v1/contacts?email=grace@navy.example")).Data());
        var deals = await rep.Http.PostJsonAsync("/api/v1/deals/search", new { filter = new { field = "contacts.email", op = "contains", value = "GRACE@navy.example" } });
        await deals.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal([deal.Id()], Ids(await deals.JsonAsync()));
        var graph = await rep.Http.DataAsync("query($f: JSON) { contacts(filter: $f) { nodes { recordId } } }",
            new { f = new { and = new object[] { new { field = "email", op = "containsAny", value = new[] { "grace@navy.example", "x@y.example" } }, new { field = "firstName", value = "Grace" } } } });
        Assert.Equal([grace.Id()], graph["contacts"]!["nodes"]!.AsArray().Select(n => n!["recordId"]!.GetValue<string>()));
        var segment = await ws.Http.CreateAsync("/api/v1/segments", new { name = "Grace", @object = "contacts", filter = new { field = "email", op = "contains", value = "grace@navy.example" } });
        Assert.Equal([grace.Id()], Ids(await ws.Http.GetJsonAsync($"/api/v1/segments/{segment.Id()}/members")));
    }

    private static async Task<JsonNode> Search(HttpClient http, object filter)
    {
        var response = await http.PostJsonAsync("/api/v1/contacts/search", new { filter });
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return await response.JsonAsync();
    }
}
