using HeadlessCrm.GraphQL.Types;

namespace HeadlessCrm.GraphQL.Execution;

/// <summary>
/// A field selected beneath the one being resolved, as execution will resolve it: through fragments, after @skip and
/// @include, merged by response key (spec §6.3.2). Lets a resolver read only what the query asks for. The plans are
/// the executor's own (worked out once per request and selection), so looking costs nothing extra.
/// </summary>
public sealed class SelectedField
{
    private readonly CollectedField _collected;
    private readonly FieldCollector _collector;

    private SelectedField(CollectedField collected, FieldCollector collector)
    {
        _collected = collected;
        _collector = collector;
    }

    public string ResponseKey => _collected.ResponseKey;

    public FieldDefinition Definition => _collected.Definition;

    /// <summary>The fields selected beneath this one on <paramref name="type"/>; empty for a leaf.</summary>
    public IReadOnlyList<SelectedField> SelectedFields(ObjectType type) => Of(_collected.SubFields(type, _collector), _collector);

    internal static IReadOnlyList<SelectedField> Of(FieldPlan plan, FieldCollector collector) =>
        plan.Selected ??= [.. plan.Fields.Select(f => new SelectedField(f, collector))];
}
