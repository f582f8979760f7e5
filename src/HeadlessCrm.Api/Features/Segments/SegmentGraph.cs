using HeadlessCrm.Api.Features.Companies;
using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.Deals;
using HeadlessCrm.Api.Features.Graph;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Json;
using HeadlessCrm.Api.Infrastructure.Paging;
using HeadlessCrm.GraphQL.Execution;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.Api.Features.Segments;

/// <summary>
/// Saved segments in GraphQL, as REST's /api/v1/segments: the list, node(id:), their members and count evaluated now
/// through the same use case as GET /api/v1/segments/{id}/members, and the writes. Each needs the read or write scope
/// of the segment's record type; the caller's visibility applies to the members.
/// </summary>
public static class SegmentGraph
{
    public const string TypeName = "Segment";

    public static readonly Relay.NodeLoader Load = IdFields.NodeLoader<SegmentUseCases, SegmentDto>("segment", (segments, id, ct) => segments.GetAsync(id, ct));

    public static SchemaBuilder AddSegments(this SchemaBuilder builder) => builder
        .Union("SegmentMember", u => u
            .Description("A record of a segment: a contact, a company or a deal, as the segment's object says.")
            .Types(ContactGraph.TypeName, CompanyGraph.TypeName, DealGraph.TypeName))
        .AddConnection<object>("SegmentMember")
        .Object<SegmentDto>(TypeName, t => t
            .Description("A saved filter tree over contacts, companies or deals; its members are evaluated when read.")
            .Implements("Node")
            .GlobalIdFields(TypeName, s => s.Id)
            .Field("name", "String!", s => s.Name)
            .Field("object", "String!", s => s.Object, "What it selects: contacts, companies or deals.")
            .Field("filter", "JSON!", s => s.Filter, "The filter tree, as POST /api/v1/<object>/search takes it.")
            .Field("createdAt", "DateTime!", s => s.CreatedAt)
            .Field("updatedAt", "DateTime!", s => s.UpdatedAt)
            .Field("members", "SegmentMemberConnection", f => f
                .Description("Its records the caller can see, evaluated now, in the record type's default order (newest first).")
                .ArgumentWithDefault("first", "Int", Records.ListRequest.DefaultLimit, $"Page size, 1 to {Records.ListRequest.MaxLimit}.")
                .Argument("after", "String", "The endCursor of the previous page.")
                .ResolveAsync(async c =>
                {
                    var page = await c.Service<SegmentUseCases>().MembersAsync(c.Parent.Id, Relations.First(c.Inner), c.Argument<string?>("after"), c.CancellationToken);
                    return new Connection<object>(Members(page));
                }))
            .Field("count", "Int!", f => f
                .Description("How many of its records the caller can see, evaluated now.")
                .ResolveAsync(async c => (await c.Service<SegmentUseCases>().CountAsync(c.Parent.Id, c.CancellationToken)).Count)))
        .AddConnection<SegmentDto>(TypeName)
        .Query(q => q.Field("segments", "SegmentConnection", f => f
            .Description("The segments over the record types the caller may read, on one page (by object, then oldest first).")
            .Argument("object", "String", "Only segments of contacts, companies or deals.")
            .ResolveAsync(async c =>
            {
                var segments = await c.Service<SegmentUseCases>().ListAsync(c.Argument<string?>("object"), c.CancellationToken);
                return new Connection<SegmentDto>(new Page<SegmentDto>(segments, null)
                {
                    ItemCursors = segments.Select(s => new Cursor("segments", null, s.Id)).ToList(),
                });
            })))
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

    /// <summary>The use case's page of contacts, companies or deals as a page of union members.</summary>
    private static Page<object> Members(object page) => page switch
    {
        Page<ContactDto> p => Untyped(p),
        Page<CompanyDto> p => Untyped(p),
        Page<DealDto> p => Untyped(p),
        _ => throw new InvalidOperationException($"A segment page of {page.GetType().Name} has no GraphQL type."),
    };

    private static Page<object> Untyped<T>(Page<T> page) where T : notnull =>
        new(page.Data.Cast<object>().ToList(), page.NextCursor) { ItemCursors = page.ItemCursors };
}
