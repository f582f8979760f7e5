using HeadlessCrm.Api.Features.Activities;
using HeadlessCrm.Api.Features.Automation;
using HeadlessCrm.Api.Features.Batch;
using HeadlessCrm.Api.Features.Companies;
using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.CustomFields;
using HeadlessCrm.Api.Features.Deals;
using HeadlessCrm.Api.Features.Erasure;
using HeadlessCrm.Api.Features.Import;
using HeadlessCrm.Api.Features.Inbound;
using HeadlessCrm.Api.Features.Members;
using HeadlessCrm.Api.Features.Merge;
using HeadlessCrm.Api.Features.OAuthClients;
using HeadlessCrm.Api.Features.Pipelines;
using HeadlessCrm.Api.Features.Reminders;
using HeadlessCrm.Api.Features.Reports;
using HeadlessCrm.Api.Features.Segments;
using HeadlessCrm.Api.Features.Webhooks;
using HeadlessCrm.GraphQL.Types;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.Api.Features.Graph;

/// <summary>The CRM's GraphQL schema: each feature adds its types beside its REST endpoints.</summary>
public static class CrmSchema
{
    private static readonly Dictionary<string, Relay.NodeLoader> Nodes = new()
    {
        [CompanyGraph.TypeName] = (c, id) => c.LoadRecord(CompanyRecords.Type, id),
        [ContactGraph.TypeName] = (c, id) => c.LoadRecord(ContactRecords.Type, id),
        [DealGraph.TypeName] = (c, id) => c.LoadRecord(DealRecords.Type, id),
        [ActivityGraph.TypeName] = (c, id) => c.LoadRecord(ActivityRecords.Type, id),
        [PipelineGraph.TypeName] = PipelineGraph.LoadPipeline,
        [PipelineGraph.StageTypeName] = PipelineGraph.LoadStage,
        [MemberGraph.TypeName] = IdFields.NodeLoader<MemberUseCases, MemberDto>("member", (members, id, ct) => members.GetAsync(id, ct)),
        [TeamGraph.TypeName] = TeamGraph.Load,
        [WebhookGraph.TypeName] = WebhookGraph.Load,
        [CustomFieldGraph.TypeName] = CustomFieldGraph.Load,
        [SegmentGraph.TypeName] = SegmentGraph.Load,
        [WebFormGraph.TypeName] = WebFormGraph.Load,
        [OAuthClientGraph.TypeName] = OAuthClientGraph.Load,
        [ImportGraph.TypeName] = ImportGraph.Load,
    };

    public static Schema Build() => new SchemaBuilder()
        .Description("HeadlessCrm: companies, contacts, pipelines, deals and activities, with the same rules as REST /api/v1.")
        .AddRelay(Nodes)
        .AddCommonTypes()
        .AddCompanies()
        .AddContacts()
        .AddDeals()
        .AddActivities()
        .AddPipelines()
        .AddMembers()
        .AddReports()
        .AddTeams()
        .AddPersonalTokens()
        .AddWebhooks()
        .AddCustomFields()
        .AddSegments()
        .AddWebForms()
        .AddInbound()
        .AddAutomationRules()
        .AddDateReminders()
        .AddMerges()
        .AddErasure()
        .AddBatches()
        .AddOAuthClients()
        .AddImports()
        .Build();
}
