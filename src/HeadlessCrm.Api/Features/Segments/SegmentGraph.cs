using HeadlessCrm.Api.Features.Companies;
using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.Deals;
using HeadlessCrm.Api.Features.Graph;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Paging;
using HeadlessCrm.GraphQL.Execution;
using HeadlessCrm.GraphQL.Execution.DataLoading;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.Api.Features.Segments;

/// <summary>
/// Saved segments in GraphQL: the list, node(id:), and their members evaluated now through the same use case as
/// GET /api/v1/segments/{id}/members (the record type's read scope and the caller's visibility apply).
/// </summary>
public static class SegmentGraph
{
    public const string TypeName = "Segment";

    /// <summary>A segment by id, or null when it does not exist or the caller cannot read its record type.</summary>
    public static Deferred<SegmentDto?> LoadSegment(IResolveContext context, Guid id)
    {
        var segments = context.Service<SegmentUseCases>();
        return context.DataLoader<Guid, SegmentDto>("segment", async (ids, ct) =>
        {
            var found = new Dictionary<Guid, SegmentDto>();
            foreach (var key in ids)
                if (await FindAsync(segments, key, ct) is { } segment) found[key] = segment;
            return found;
        }).Load(id);
    }

    public static SchemaBuilder AddSegments(this SchemaBuilder builder) => builder
        .Union("SegmentMember", u => u
            .Description("A record of a segment: a contact, a company or a deal, as the segment's object says.")
            .Types(ContactGraph.TypeName, CompanyGraph.TypeName, DealGraph.TypeName))
        .AddConnection<object>("SegmentMember")
        .Object<SegmentDto>(TypeName, t => t
            .Description("A saved filter tree over contacts, companies or deals; its members are evaluated when read.")
            .Implements("Node")
            .Field("id", "ID!", s => GlobalId.Encode(TypeName, s.Id), "Global id, for node(id:).")
            .Field("recordId", "UUID!", s => s.Id, "The id REST uses (/api/v1/segments/...).")
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
            })));

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

    private static async Task<SegmentDto?> FindAsync(SegmentUseCases segments, Guid id, CancellationToken ct)
    {
        try
        {
            return await segments.GetAsync(id, ct);
        }
        catch (Exception e) when (e is RecordNotFoundException or Infrastructure.Access.MissingScopeException)
        {
            return null;
        }
    }
}
