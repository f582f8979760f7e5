using HeadlessCrm.GraphQL.Language;
using HeadlessCrm.GraphQL.Language.Ast;
using HeadlessCrm.GraphQL.Types;

namespace HeadlessCrm.GraphQL.Execution;

/// <summary>
/// One response key of a selection set on one object type, with every field node merged under it (spec §6.3.2).
/// Made once per request and shared by all objects of a list, so arguments and sub-selections are worked out once.
/// </summary>
internal sealed class CollectedField(string responseKey, FieldNode[] nodes, FieldDefinition definition)
{
    private Dictionary<ObjectType, FieldPlan>? _subFields;
    private IReadOnlyDictionary<string, object?>? _arguments;
    private GraphQLException? _argumentError;
    private SourceLocation[]? _locations;

    public string ResponseKey { get; } = responseKey;

    public FieldNode[] Nodes { get; } = nodes;

    public FieldDefinition Definition { get; } = definition;

    public IReadOnlyList<SourceLocation> Locations => _locations ??= [.. Nodes.Select(n => n.Location.ToSourceLocation())];

    /// <summary>The coerced arguments; a coercion failure is remembered and rethrown for every object.</summary>
    public IReadOnlyDictionary<string, object?> Arguments(IReadOnlyDictionary<string, object?> variables)
    {
        if (_arguments is null && _argumentError is null)
        {
            try
            {
                _arguments = ArgumentValues.Coerce(Definition.Arguments, Nodes[0].Arguments, variables);
            }
            catch (GraphQLException exception)
            {
                _argumentError = exception;
            }
        }

        return _arguments ?? throw _argumentError!;
    }

    public FieldPlan SubFields(ObjectType type, FieldCollector collector)
    {
        _subFields ??= [];
        if (!_subFields.TryGetValue(type, out var plan))
        {
            plan = collector.Collect(type, Nodes.Select(n => n.SelectionSet).OfType<SelectionSetNode>());
            _subFields[type] = plan;
        }

        return plan;
    }
}
