namespace HeadlessCrm.GraphQL.Execution;

/// <summary>The collected fields of one selection on one object type, with their response keys shared by every result map built from it.</summary>
internal sealed class FieldPlan(CollectedField[] fields)
{
    public CollectedField[] Fields { get; } = fields;

    public string[] Keys { get; } = [.. fields.Select(f => f.ResponseKey)];

    /// <summary>The same fields as resolvers see them (<see cref="IResolveContext.SelectedFields"/>), made on first look.</summary>
    public IReadOnlyList<SelectedField>? Selected { get; set; }
}
