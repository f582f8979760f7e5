using System.Text;
using System.Text.Json;
using HeadlessCrm.Api.Features.CustomFields;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Filtering;
using HeadlessCrm.Api.Infrastructure.Paging;
using Microsoft.Extensions.Primitives;

namespace HeadlessCrm.Api.Features.Export;

/// <summary>
/// A list (its query filters, an optional <c>filter</c> tree as JSON, its sort) written as CSV while it is read: pages
/// of <see cref="PageSize"/> through the ordinary keyset reader — so tenant, visibility and archive rules are the
/// list's — each flushed before the next is read. Memory stays flat however long the list.
/// </summary>
public sealed class CsvExport(RecordReader reader, CustomFieldCatalog customFields, RequestContext caller)
{
    public const int PageSize = 1000;

    public async Task WriteAsync<TEntity, TDto>(RecordType<TEntity, TDto> type, HttpContext http, CancellationToken ct)
        where TEntity : CrmRecord where TDto : IVersioned
    {
        caller.Demand(Scopes.Import);
        caller.Demand(type.ReadScope);
        var request = Request(type, http.Request.Query);
        var columns = CsvColumns.For<TDto>(await customFields.OfAsync(type.Plural, ct));
        // Checked before the first byte is sent, so a bad filter is still a 400 problem.
        var page = await reader.ListAsync(type, request, ct);

        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{type.Plural}.csv\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), 64 * 1024);
        await writer.WriteAsync(columns.Header());
        while (true)
        {
            foreach (var record in page.Data) await writer.WriteAsync(columns.Row(record));
            await writer.FlushAsync(ct);
            if (page.NextCursor is null) break;
            page = await reader.ListAsync(type, request with { Cursor = page.NextCursor }, ct);
        }
    }

    private static ListRequest Request<TEntity, TDto>(RecordType<TEntity, TDto> type, IQueryCollection query)
        where TEntity : CrmRecord where TDto : IVersioned
    {
        var rest = new QueryCollection(query.Where(p => p.Key is not ("filter" or "limit" or "cursor"))
            .ToDictionary(p => p.Key, p => p.Value));
        var list = ListRequest.FromQuery(rest, type.Parameters);
        FilterNode? tree = null;
        if (query["filter"] is { Count: > 0 } text)
        {
            try
            {
                using var document = JsonDocument.Parse(text.ToString());
                tree = FilterParser.Parse(document.RootElement.Clone());
            }
            catch (JsonException)
            {
                throw new InvalidQueryException("filter", "Expected a filter tree as JSON, like {\"field\":\"lifecycleStage\",\"value\":\"customer\"}.");
            }
        }
        var filter = (list.Filter, tree) switch
        {
            (null, _) => tree,
            (_, null) => list.Filter,
            _ => new AndFilter([list.Filter!, tree!]) { Path = "query" },
        };
        return list with { Filter = filter, Limit = PageSize, Cursor = null };
    }
}
