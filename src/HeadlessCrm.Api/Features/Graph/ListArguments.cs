using System.Text.Json;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Infrastructure.Filtering;
using HeadlessCrm.Api.Infrastructure.Paging;
using HeadlessCrm.GraphQL.Execution;

namespace HeadlessCrm.Api.Features.Graph;

/// <summary>
/// A connection's arguments as the <see cref="ListRequest"/> REST builds: <c>filter</c> goes through the same
/// <see cref="FilterParser"/> as <c>POST /api/v1/&lt;resource&gt;/search</c>, <c>orderBy</c> becomes REST's sort.
/// </summary>
public static class ListArguments
{
    public static ListRequest From(IResolveContext context)
    {
        var first = context.Argument<int>("first");
        if (first is < 1 or > ListRequest.MaxLimit)
            throw new InvalidQueryException("first", $"Expected a whole number from 1 to {ListRequest.MaxLimit}.");
        return new ListRequest(
            Filter(context.Arguments.GetValueOrDefault("filter")),
            Sort(context.Argument<IReadOnlyDictionary<string, object?>?>("orderBy")),
            first,
            context.Argument<string?>("after"),
            context.Argument<bool>("archived"));
    }

    private static FilterNode? Filter(object? value) =>
        value is null ? null : FilterParser.Parse(JsonSerializer.SerializeToElement(value));

    private static string? Sort(IReadOnlyDictionary<string, object?>? orderBy) =>
        orderBy is null ? null : (Equals(orderBy.GetValueOrDefault("direction"), "DESC") ? "-" : "") + orderBy["field"];
}
