using HeadlessCrm.Api.Features.Shared;

namespace HeadlessCrm.Api.Features.Records;

/// <summary>Strong ETags from the row version, and the If-Match check that guards updates (RFC 9110 §13.1.1).</summary>
public static class ETags
{
    public static string Format(uint version) => $"\"{version}\"";

    /// <summary>Refuses the change when If-Match is present and names none of the record's current ETag.</summary>
    public static void CheckIfMatch(string? ifMatch, uint version)
    {
        if (string.IsNullOrWhiteSpace(ifMatch) || ifMatch.Trim() == "*") return;
        var current = Format(version);
        var matches = ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(tag => tag == current);
        if (!matches)
            throw new PreconditionFailedException("The record has changed since you read it (If-Match does not match its ETag); read it again and retry.");
    }

    public static bool MatchesIfNoneMatch(string? ifNoneMatch, uint version) =>
        !string.IsNullOrWhiteSpace(ifNoneMatch)
        && ifNoneMatch.Split(',', StringSplitOptions.TrimEntries).Any(tag => tag == "*" || tag.TrimStart('W', '/') == Format(version));
}
