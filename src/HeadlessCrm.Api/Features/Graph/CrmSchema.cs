using HeadlessCrm.Api.Features.Activities;
using HeadlessCrm.Api.Features.Companies;
using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.Deals;
using HeadlessCrm.Api.Features.Members;
using HeadlessCrm.Api.Features.Pipelines;
using HeadlessCrm.Api.Features.Reports;
using HeadlessCrm.Api.Features.Segments;
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
        [SegmentGraph.TypeName] = SegmentGraph.LoadSegment,
        [MemberGraph.TypeName] = (c, id) => MemberGraph.FindAsync(c.Service<MemberUseCases>(), id, c.CancellationToken),
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
        .AddSegments()
        .Build();
}
