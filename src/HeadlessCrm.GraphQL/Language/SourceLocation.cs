namespace HeadlessCrm.GraphQL.Language;

/// <summary>A 1-based line and column, as reported in the "locations" of an error (spec §7.1.2).</summary>
public readonly record struct SourceLocation(int Line, int Column);
