namespace HeadlessCrm.GraphQL.Language;

/// <summary>Limits that make the parser refuse hostile documents early, before they cost memory or stack.</summary>
public sealed record ParserOptions
{
    public static ParserOptions Default { get; } = new();

    /// <summary>The most significant tokens a document may hold.</summary>
    public int MaxTokens { get; init; } = 15_000;

    /// <summary>The deepest nesting of selection sets, list/object values and wrapped types.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Keep node locations; turning it off saves memory for documents that are cached and never reported on.</summary>
    public bool KeepLocations { get; init; } = true;
}
