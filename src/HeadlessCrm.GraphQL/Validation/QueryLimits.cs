namespace HeadlessCrm.GraphQL.Validation;

/// <summary>
/// Limits on what one operation may ask for, checked before execution. Null disables a limit. Introspection
/// fields (names starting with "__") are not counted, so tools can always read the schema.
/// </summary>
public sealed record QueryLimits
{
    public static QueryLimits None { get; } = new();

    /// <summary>The deepest nesting of fields; root fields are at depth 1.</summary>
    public int? MaxDepth { get; init; }

    /// <summary>The most aliased fields an operation may hold, fragments counted where they are spread.</summary>
    public int? MaxAliases { get; init; }

    /// <summary>The highest complexity: the sum of field costs, the cost beneath a list multiplied by its size.</summary>
    public int? MaxComplexity { get; init; }

    /// <summary>The cost of a field whose definition sets none.</summary>
    public int DefaultFieldCost { get; init; } = 1;

    /// <summary>Arguments whose value is the size of the list a field returns, e.g. <c>first: 50</c>.</summary>
    public IReadOnlyList<string> ListSizeArguments { get; init; } = ["first", "last", "limit"];

    /// <summary>The size assumed for a list field without a size argument.</summary>
    public int DefaultListSize { get; init; } = 10;
}
