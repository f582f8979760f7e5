using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Infrastructure.Paging;

namespace HeadlessCrm.Api.Features.Graph;

/// <summary>Limits of the nested lists a relation returns (a page of top-level records each).</summary>
public static class Relations
{
    public static int Size(int requested, string argument = "first") => requested is >= 1 and <= ListRequest.MaxLimit
        ? requested
        : throw new InvalidQueryException(argument, $"Expected a whole number from 1 to {ListRequest.MaxLimit}.");
}
