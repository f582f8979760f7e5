using HeadlessCrm.Api.Features.Graph;
using HeadlessCrm.Api.Infrastructure.Json;
using HeadlessCrm.GraphQL.Execution;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.Api.Features.Segments;

/// <summary>Saved segments in GraphQL, as REST's /api/v1/segments: each needs the read or write scope of its record type.</summary>
public static class SegmentGraph
{
    public const string TypeName = "Segment";

    public static readonly Relay.NodeLoader Load = IdFields.NodeLoader<SegmentUseCases, SegmentDto>("segment", (segments, id, ct) => segments.GetAsync(id, ct));

    public static SchemaBuilder AddSegments(this SchemaBuilder builder) => builder
        .Object<SegmentDto>(TypeName, t => t
            .Description("A saved filter over contacts, companies or deals: a dynamic list, evaluated when read.")
            .Implements("Node")
            .GlobalIdFields(TypeName, s => s.Id)
            .Field("name", "String!")
            .Field("object", "String!", f => f.Description("contacts, companies or deals."))
            .Field("filter", "JSON!", f => f.Description("The filter tree, as POST /api/v1/<object>/search takes it."))
            .Field("createdAt", "DateTime!")
            .Field("updatedAt", "DateTime!"))
        .AddPayload<SegmentDto>(TypeName, "segment")
        .AddCreateAndUpdateInputs(TypeName, i => i
            .Field("name", "String")
            .Field("object", "String", "contacts, companies or deals.")
            .Field("filter", "JSON", "A filter tree as search takes it; in an update it replaces the saved one whole."))
        .Mutation(m => m
            .Field("createSegment", "SegmentPayload", f => f
                .Description("Saves a filter as a segment, as POST /api/v1/segments (needs the write scope of its record type).")
                .Argument("input", "CreateSegmentInput!")
                .IdempotencyKeyArgument()
                .ResolveAsync(c => Mutations.IdempotentAsync(c.Inner, () =>
                    c.Service<SegmentUseCases>().CreateAsync(RequestJson.Read<SegmentInput>(Inputs.Body(c.Inner, "input")), c.CancellationToken))))
            .Field("updateSegment", "SegmentPayload", f => f
                .Description("Renames a segment or replaces its filter, as PATCH /api/v1/segments/{id}.")
                .Argument("id", "ID!")
                .Argument("patch", "UpdateSegmentInput!")
                .ResolveAsync(c => Mutations.RunAsync(() =>
                    c.Service<SegmentUseCases>().UpdateAsync(Id(c.Inner), Inputs.Body(c.Inner, "patch"), c.CancellationToken))))
            .Field("deleteSegment", "DeletePayload", f => f
                .Description("Deletes a segment; its records are untouched.")
                .Argument("id", "ID!")
                .ResolveAsync(c => Mutations.DeleteAsync(TypeName, c.Argument<string>("id"),
                    id => c.Service<SegmentUseCases>().DeleteAsync(id, c.CancellationToken)))));

    private static Guid Id(IResolveContext context) => GlobalId.Of(TypeName, context.Argument<string>("id"));
}
