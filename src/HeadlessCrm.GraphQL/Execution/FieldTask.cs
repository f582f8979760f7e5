using HeadlessCrm.GraphQL.Language.Ast;
using HeadlessCrm.GraphQL.Types;

namespace HeadlessCrm.GraphQL.Execution;

/// <summary>
/// One field to resolve on one object, and the context its resolver sees. The result goes into a slot of a
/// result map; the task is queued so that all fields of a level run before DataLoaders dispatch.
/// </summary>
internal sealed class FieldTask(OperationExecution execution, ObjectType parentType, object? source, ResultMap target, int slot, CollectedField collected)
    : IResolveContext
{
    private IReadOnlyDictionary<string, object?>? _arguments;

    public ResultMap Target { get; } = target;

    public int Slot { get; } = slot;

    public CollectedField Collected { get; } = collected;

    public object? Source { get; } = source;

    public ObjectType ParentType { get; } = parentType;

    public FieldDefinition Field => Collected.Definition;

    public IReadOnlyList<FieldNode> FieldNodes => Collected.Nodes;

    public IReadOnlyDictionary<string, object?> Arguments => _arguments ??= Collected.Arguments(execution.Variables);

    public RequestContext Request => execution.Request;

    public Schema Schema => execution.Schema;

    public OperationDefinitionNode Operation => execution.Operation;

    public IReadOnlyDictionary<string, object?> Variables => execution.Variables;

    public IReadOnlyList<object> Path => Target.PathTo(Slot);

    public IReadOnlyList<SelectedField> SelectedFields(ObjectType type) =>
        SelectedField.Of(Collected.SubFields(type, execution.Collector), execution.Collector);

    public void ReportError(GraphQLError error) =>
        execution.AddError(error.Path is null ? error.WithPath(Path, Collected.Locations) : error);
}
