using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Paging;
using HeadlessCrm.GraphQL.Execution;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.Api.Features.Graph;

/// <summary>The Relay parts every record type shares: the Node interface, global ids, connections, ordering, lists.</summary>
public static class Relay
{
    /// <summary>Reads one record type's node by its record id (through a DataLoader).</summary>
    public delegate object? NodeLoader(IResolveContext context, Guid id);

    public static SchemaBuilder AddRelay(this SchemaBuilder builder, IReadOnlyDictionary<string, NodeLoader> nodes) => builder
        .Interface("Node", i => i
            .Description("A record with a global id, readable with node(id:).")
            .Field("id", "ID!"))
        .Object<PageInfo>("PageInfo", t => t
            .Description("Forward paging: pass endCursor as after for the next page while hasNextPage.")
            .Field("hasNextPage", "Boolean!", p => p.HasNextPage)
            .Field("hasPreviousPage", "Boolean!", p => p.HasPreviousPage, "Always false: lists page forward only.")
            .Field("startCursor", "String", p => p.StartCursor)
            .Field("endCursor", "String", p => p.EndCursor))
        .Enum("OrderDirection", e => e.Value("ASC").Value("DESC"))
        .Query(q => q.Field("node", "Node", f => f
            .Description("Any record by its global id; null when it does not exist for the caller (another workspace, not visible).")
            .Argument("id", "ID!")
            .Resolve(c =>
            {
                var (type, id) = GlobalId.Decode(c.Argument<string>("id"));
                return nodes.TryGetValue(type, out var load) ? load(c.Inner, id) : null;
            })));

    /// <summary><c>id</c> (global), <c>recordId</c> (REST's) and <c>version</c> (the ETag) of a record type.</summary>
    public static ObjectTypeBuilder<T> RecordFields<T>(this ObjectTypeBuilder<T> type, string typeName) where T : IRecord, IVersioned => type
        .Implements("Node")
        .Field("id", "ID!", r => GlobalId.Encode(typeName, r.Id), "Global id, for node(id:) and mutations.")
        .Field("recordId", "UUID!", f => f
            .Description("The id REST uses (/api/v1/...), and filters compare with.")
            .Reads(nameof(IRecord.Id))
            .Resolve(c => c.Parent.Id))
        .Field("version", "String!", r => ETags.Format(r.Version), "The ETag; pass it as ifMatch so a change over someone else's is refused.");

    /// <summary>ownerId, tags and customFields, which companies, contacts, deals and activities share.</summary>
    public static ObjectTypeBuilder<T> OwnedFields<T>(this ObjectTypeBuilder<T> type) => type
        .Field("ownerId", "UUID", f => f.Description("The member who owns it; visibility follows (a rep sees their own)."))
        .Field("tags", "[String!]!")
        .Field("customFields", "JSON!");

    /// <summary>createdAt, updatedAt and archivedAt (null while live).</summary>
    public static ObjectTypeBuilder<T> TimestampFields<T>(this ObjectTypeBuilder<T> type) => type
        .Field("createdAt", "DateTime!")
        .Field("updatedAt", "DateTime!")
        .Field("archivedAt", "DateTime", f => f.Description("Set while archived; null for a live record."));

    /// <summary><c>{Type}Connection</c> and <c>{Type}Edge</c>.</summary>
    public static SchemaBuilder AddConnection<TDto>(this SchemaBuilder builder, string typeName) => builder
        .Object<Connection<TDto>>($"{typeName}Connection", t => t
            .Field("edges", $"[{typeName}Edge!]!", c => c.Edges)
            .Field("nodes", $"[{typeName}!]!", c => c.Edges.Select(e => e.Node).ToList(), "The edges' nodes, for clients that need no cursors.")
            .Field("pageInfo", "PageInfo!", c => c.PageInfo)
            .Field("totalCount", "Int!", f => f
                .Description("How many records match over all pages; costs a COUNT, so ask only when needed.")
                .ResolveAsync(c => c.Parent.CountAsync(c.CancellationToken))))
        .Object<Edge<TDto>>($"{typeName}Edge", t => t
            .Field("cursor", "String!", e => e.Cursor)
            .Field("node", $"{typeName}!", e => e.Node));

    /// <summary>The <c>{Type}Order</c> input over the type's sorts (the names REST's <c>sort</c> takes).</summary>
    public static SchemaBuilder AddOrder(this SchemaBuilder builder, string typeName, IEnumerable<string> sorts) => builder
        .Enum($"{typeName}OrderField", e =>
        {
            foreach (var sort in sorts) e.Value(ScreamingSnake(sort), sort);
        })
        .InputObject($"{typeName}Order", i => i
            .Field("field", $"{typeName}OrderField!")
            .FieldWithDefault("direction", "OrderDirection", "ASC"));

    /// <summary>A paged list of a record type: first/after, filter (REST's search tree), orderBy, archived.</summary>
    public static FieldBuilder<TParent> ListArgumentsOf<TParent>(this FieldBuilder<TParent> field, string typeName, string plural) => field
        .ArgumentWithDefault("first", "Int", ListRequest.DefaultLimit, $"Page size, 1 to {ListRequest.MaxLimit}.")
        .Argument("after", "String", "The endCursor of the previous page.")
        .Argument("filter", "JSON",
            $"A filter tree, exactly as POST /api/v1/{plural}/search takes it: {{\"and\"|\"or\": [...]}}, {{\"not\": {{...}}}}, " +
            "{\"field\": \"company.kind\", \"op\": \"eq\", \"value\": \"partner\"}; relation paths allowed.")
        .Argument("orderBy", $"{typeName}Order")
        .ArgumentWithDefault("archived", "Boolean", false, "True to list archived records instead of live ones.");

    public static SchemaBuilder AddRecordList<TEntity, TDto>(this SchemaBuilder builder, string field, string typeName, RecordType<TEntity, TDto> type)
        where TEntity : CrmRecord where TDto : IVersioned => builder
        .AddConnection<TDto>(typeName)
        .AddOrder(typeName, type.Sorts.Names)
        .Query(q => q.Field(field, $"{typeName}Connection", f => f
            .Description($"The {type.Plural} the caller can see, keyset-paged (needs {type.ReadScope}).")
            .ListArgumentsOf(typeName, type.Plural)
            .ResolveAsync(async c =>
            {
                var request = ListArguments.From(c.Inner);
                var reader = c.Service<RecordReader>();
                var page = await reader.ListAsync(type, request, c.CancellationToken, SelectedShape.Of<TDto>(c.Inner));
                return new Connection<TDto>(page, ct => reader.CountAsync(type, request, ct));
            })));

    private static string ScreamingSnake(string camel) =>
        string.Concat(camel.Select((ch, i) => char.IsUpper(ch) && i > 0 ? "_" + ch : char.ToUpperInvariant(ch).ToString()));
}
