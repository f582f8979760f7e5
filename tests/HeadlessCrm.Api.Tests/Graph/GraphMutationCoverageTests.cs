using System.Text.RegularExpressions;
using HeadlessCrm.Api.Features.Graph;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.GraphQL;
using HeadlessCrm.GraphQL.Types;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HeadlessCrm.Api.Tests.Graph;

/// <summary>
/// Every REST write (POST, PUT, PATCH, DELETE under /api/v1, read from the running host's endpoints) has its GraphQL
/// field in <see cref="Mutations"/>, or is in <see cref="Excluded"/> with the reason. A new REST write fails this test
/// until it gets a mutation (or a reason), so GraphQL cannot fall behind.
/// </summary>
public sealed partial class GraphMutationCoverageTests(CrmApi api) : IClassFixture<CrmApi>
{
    /// <summary>REST write → GraphQL root field, and the record type its <c>id</c> argument names.</summary>
    private static readonly Dictionary<string, (string Field, string? IdType)> Mutations = new()
    {
        ["POST /api/v1/activities"] = ("createActivity", null),
        ["PATCH /api/v1/activities/{id}"] = ("updateActivity", "Activity"),
        ["DELETE /api/v1/activities/{id}"] = ("archiveActivity", "Activity"),
        ["POST /api/v1/activities/{id}/restore"] = ("restoreActivity", "Activity"),
        ["POST /api/v1/activities/batch"] = ("batchActivities", null),
        ["POST /api/v1/companies"] = ("createCompany", null),
        ["PATCH /api/v1/companies/{id}"] = ("updateCompany", "Company"),
        ["DELETE /api/v1/companies/{id}"] = ("archiveCompany", "Company"),
        ["POST /api/v1/companies/{id}/restore"] = ("restoreCompany", "Company"),
        ["POST /api/v1/companies/batch"] = ("batchCompanies", null),
        ["POST /api/v1/companies/merge"] = ("mergeCompanies", null),
        ["POST /api/v1/contacts"] = ("createContact", null),
        ["PATCH /api/v1/contacts/{id}"] = ("updateContact", "Contact"),
        ["DELETE /api/v1/contacts/{id}"] = ("archiveContact", "Contact"),
        ["POST /api/v1/contacts/{id}/restore"] = ("restoreContact", "Contact"),
        ["POST /api/v1/contacts/batch"] = ("batchContacts", null),
        ["POST /api/v1/contacts/merge"] = ("mergeContacts", null),
        ["POST /api/v1/contacts/{id}/erase"] = ("eraseContact", "Contact"),
        ["POST /api/v1/deals"] = ("createDeal", null),
        ["POST /api/v1/imports"] = ("createImport", null),
        ["POST /api/v1/imports/{id}/cancel"] = ("cancelImport", "Import"),
        ["PATCH /api/v1/deals/{id}"] = ("updateDeal", "Deal"),
        ["DELETE /api/v1/deals/{id}"] = ("archiveDeal", "Deal"),
        ["POST /api/v1/deals/{id}/restore"] = ("restoreDeal", "Deal"),
        ["POST /api/v1/deals/batch"] = ("batchDeals", null),
        ["PUT /api/v1/deals/{id}/contacts/{contactId}"] = ("addDealContact", "Deal"),
        ["DELETE /api/v1/deals/{id}/contacts/{contactId}"] = ("removeDealContact", "Deal"),
        ["POST /api/v1/pipelines"] = ("createPipeline", null),
        ["PATCH /api/v1/pipelines/{id}"] = ("updatePipeline", "Pipeline"),
        ["DELETE /api/v1/pipelines/{id}"] = ("archivePipeline", "Pipeline"),
        ["POST /api/v1/pipelines/{id}/restore"] = ("restorePipeline", "Pipeline"),
        ["POST /api/v1/pipelines/{id}/stages"] = ("addStage", null),
        ["PATCH /api/v1/pipelines/{id}/stages/{stageId}"] = ("updateStage", null),
        ["DELETE /api/v1/pipelines/{id}/stages/{stageId}"] = ("archiveStage", null),
        ["POST /api/v1/members"] = ("createMember", null),
        ["PATCH /api/v1/members/{id}"] = ("updateMember", "Member"),
        ["DELETE /api/v1/members/{id}"] = ("archiveMember", "Member"),
        ["POST /api/v1/members/{id}/restore"] = ("restoreMember", "Member"),
        ["POST /api/v1/members/{id}/invitation"] = ("inviteMember", "Member"),
        ["POST /api/v1/members/{id}/hand-over"] = ("handOverRecords", "Member"),
        ["POST /api/v1/members/{id}/tokens"] = ("issuePersonalToken", null),
        ["DELETE /api/v1/members/{id}/tokens/{tokenId}"] = ("revokePersonalToken", "PersonalToken"),
        ["POST /api/v1/teams"] = ("createTeam", null),
        ["PATCH /api/v1/teams/{id}"] = ("updateTeam", "Team"),
        ["DELETE /api/v1/teams/{id}"] = ("archiveTeam", "Team"),
        ["POST /api/v1/oauth-clients"] = ("createOAuthClient", null),
        ["POST /api/v1/oauth-clients/{id}/secret"] = ("rotateOAuthClientSecret", "OAuthClient"),
        ["DELETE /api/v1/oauth-clients/{id}"] = ("deleteOAuthClient", "OAuthClient"),
        ["POST /api/v1/webhooks"] = ("createWebhook", null),
        ["PATCH /api/v1/webhooks/{id}"] = ("updateWebhook", "Webhook"),
        ["DELETE /api/v1/webhooks/{id}"] = ("deleteWebhook", "Webhook"),
        ["POST /api/v1/webhooks/{id}/rotate-secret"] = ("rotateWebhookSecret", "Webhook"),
        ["POST /api/v1/webhooks/{id}/pause"] = ("pauseWebhook", "Webhook"),
        ["POST /api/v1/webhooks/{id}/resume"] = ("resumeWebhook", "Webhook"),
        ["POST /api/v1/webhooks/{id}/replay"] = ("replayWebhook", "Webhook"),
        ["POST /api/v1/custom-fields"] = ("createCustomField", null),
        ["PATCH /api/v1/custom-fields/{id}"] = ("updateCustomField", "CustomField"),
        ["DELETE /api/v1/custom-fields/{id}"] = ("deleteCustomField", "CustomField"),
        ["POST /api/v1/segments"] = ("createSegment", null),
        ["PATCH /api/v1/segments/{id}"] = ("updateSegment", "Segment"),
        ["DELETE /api/v1/segments/{id}"] = ("deleteSegment", "Segment"),
        ["POST /api/v1/forms"] = ("createWebForm", null),
        ["DELETE /api/v1/forms/{id}"] = ("deleteWebForm", "WebForm"),
        ["POST /api/v1/automation-rules"] = ("createAutomationRule", null),
        ["DELETE /api/v1/automation-rules/{id}"] = ("deleteAutomationRule", "AutomationRule"),
        ["POST /api/v1/date-reminders"] = ("createDateReminder", null),
        ["DELETE /api/v1/date-reminders/{id}"] = ("deleteDateReminder", "DateReminder"),
        ["POST /api/v1/calls"] = ("logCall", null),
        ["POST /api/v1/emails"] = ("logEmail", null),
    };

    /// <summary>Reads sent as POST (a filter tree in the body): GraphQL has them as the list's filter argument.</summary>
    private static readonly Dictionary<string, string> Queries = new()
    {
        ["POST /api/v1/activities/search"] = "activities",
        ["POST /api/v1/companies/search"] = "companies",
        ["POST /api/v1/contacts/search"] = "contacts",
        ["POST /api/v1/deals/search"] = "deals",
    };

    /// <summary>REST writes with no mutation, and why (docs/graphql.md lists them too).</summary>
    private static readonly Dictionary<string, string> Excluded = new()
    {
        ["POST /api/v1/forms/{key}/submissions"] = "Anonymous: a web page posts it with the form key, holding no access token for /graphql.",
        ["POST /api/v1/invitations/accept"] = "Anonymous: the invitation token is the credential, and /graphql needs an access token.",
        ["PUT /api/v1/imports/{id}/file"] = "A streamed text/csv body of up to hundreds of megabytes; GraphQL has no standard file upload. createImport answers with the id to PUT it to.",
    };

    /// <summary>Ids of other arguments than <c>id</c>, by argument name.</summary>
    private static readonly Dictionary<string, string> IdTypes = new()
    {
        ["memberId"] = "Member", ["pipelineId"] = "Pipeline", ["stageId"] = "Stage", ["contactId"] = "Contact",
    };

    public static TheoryData<string, string> ScopedWrites()
    {
        var data = new TheoryData<string, string>();
        using var host = new CrmApi();
        host.InitializeAsync().AsTask().GetAwaiter().GetResult();
        foreach (var (write, scope) in RestWrites(host.Services).Where(w => w.Value is not null && Mutations.ContainsKey(w.Key))) data.Add(write, scope!);
        return data;
    }

    [Fact]
    public void Every_REST_write_has_a_GraphQL_mutation_or_a_reason_not_to()
    {
        var writes = RestWrites(api.Services).Keys.ToList();
        var missing = writes.Where(w => !Mutations.ContainsKey(w) && !Queries.ContainsKey(w) && !Excluded.ContainsKey(w)).ToList();
        Assert.True(missing.Count == 0, $"REST writes without a GraphQL mutation: {string.Join(", ", missing)}. Add the mutation and a row here.");

        var stale = Mutations.Keys.Concat(Queries.Keys).Concat(Excluded.Keys).Where(w => !writes.Contains(w)).ToList();
        Assert.True(stale.Count == 0, $"Rows for REST writes that no longer exist: {string.Join(", ", stale)}.");

        var schema = api.Services.GetRequiredService<GraphQLEngine>().Schema;
        Assert.All(Mutations.Values, m => Assert.True(schema.MutationType!.GetField(m.Field) is not null, $"No mutation {m.Field}."));
        Assert.All(Queries.Values, q => Assert.True(schema.QueryType.GetField(q)?.GetArgument("filter") is not null, $"No query {q}(filter:)."));
    }

    [Fact]
    public async Task Each_mutation_takes_ifMatch_where_REST_takes_If_Match_and_idempotencyKey_where_REST_honours_Idempotency_Key()
    {
        using var http = api.CreateClient();
        var document = await http.GetJsonAsync("/openapi/v1.json");
        var schema = api.Services.GetRequiredService<GraphQLEngine>().Schema;
        foreach (var (write, (field, _)) in Mutations)
        {
            var (method, path) = (write.Split(' ')[0], write.Split(' ')[1]);
            var operation = document["paths"]![path]![method.ToLowerInvariant()]!;
            var parameters = operation["parameters"]?.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList() ?? [];
            var mutation = schema.MutationType!.GetField(field)!;
            Assert.True(parameters.Contains("If-Match") == (mutation.GetArgument("ifMatch") is not null), $"{field}: ifMatch must match REST's If-Match ({write}).");
            Assert.True(parameters.Contains("Idempotency-Key") == (mutation.GetArgument("idempotencyKey") is not null),
                $"{field}: idempotencyKey must match REST's Idempotency-Key ({write}).");
        }
    }

    [Theory]
    [MemberData(nameof(ScopedWrites), DisableDiscoveryEnumeration = true)]
    public async Task A_mutation_refuses_a_token_without_its_REST_scope_on_that_field_only(string write, string scope)
    {
        var ws = await api.NewWorkspaceAsync(Scopes.All.Where(s => s != scope).ToArray());
        var (field, idType) = Mutations[write];
        var definition = api.Services.GetRequiredService<GraphQLEngine>().Schema.MutationType!.GetField(field)!;
        var arguments = string.Join(", ", definition.Arguments.Where(a => a.Type is NonNullType).Select(a => $"{a.Name}: {Sample(a, idType)}"));

        var result = await ws.Http.GraphAsync($"mutation {{ __typename m: {field}({arguments}) {{ __typename }} }}");

        var error = Assert.Single(result.Errors());
        Assert.Equal("FORBIDDEN", error.Code());
        Assert.Equal(scope, error["extensions"]!["scope"]!.GetValue<string>());
        Assert.Equal("m", error.PathText());
        Assert.Equal("Mutation", result["data"]!["__typename"]!.GetValue<string>());
        Assert.Null(result["data"]!["m"]);
    }

    private static string Sample(InputValueDefinition argument, string? idType) => argument.Type.Named switch
    {
        InputObjectType => "{}",
        { Name: "ID" } => $"\"{GlobalId.Encode(argument.Name == "id" ? idType! : IdTypes[argument.Name], Guid.NewGuid())}\"",
        { Name: "String" } => "\"x\"",
        var other => throw new InvalidOperationException($"No sample for a required {other.Name} argument."),
    };

    /// <summary>"METHOD /api/v1/route" of every write endpoint, with the scope its policy requires (null when the use case decides).</summary>
    private static Dictionary<string, string?> RestWrites(IServiceProvider services)
    {
        var writes = new Dictionary<string, string?>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = RouteParameter().Replace(endpoint.RoutePattern.RawText ?? "", "{$1}").TrimEnd('/');
            if (!route.StartsWith("/api/v1/", StringComparison.Ordinal)) continue;
            var scope = endpoint.Metadata.OfType<AuthorizationPolicy>().SelectMany(p => p.Requirements).OfType<ScopeRequirement>().SingleOrDefault()?.Scope;
            foreach (var method in endpoint.Metadata.OfType<HttpMethodMetadata>().SingleOrDefault()?.HttpMethods ?? [])
            {
                if (method is "POST" or "PUT" or "PATCH" or "DELETE") writes[$"{method} {route}"] = scope;
            }
        }
        return writes;
    }

    [GeneratedRegex("{([A-Za-z]+)(:[^}]*)?}")]
    private static partial Regex RouteParameter();
}
