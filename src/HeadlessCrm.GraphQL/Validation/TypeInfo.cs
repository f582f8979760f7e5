using HeadlessCrm.GraphQL.Language.Ast;
using HeadlessCrm.GraphQL.Types;

namespace HeadlessCrm.GraphQL.Validation;

/// <summary>
/// Tracks, while a document is walked, which schema element each node refers to: the parent type of a selection,
/// the field and its type, the directive or argument being read, and the input type an input value must have.
/// </summary>
public sealed class TypeInfo(Schema schema)
{
    private readonly List<GraphQLType?> _types = [];
    private readonly List<NamedType?> _parentTypes = [];
    private readonly List<GraphQLType?> _inputTypes = [];
    private readonly List<FieldDefinition?> _fields = [];
    private readonly List<bool> _hasDefaults = [];

    public Schema Schema { get; } = schema;

    /// <summary>The output type of the current field, fragment or operation.</summary>
    public GraphQLType? Type => Peek(_types);

    /// <summary>The composite type whose selection set is being read.</summary>
    public NamedType? ParentType => Peek(_parentTypes);

    /// <summary>The type the current input value must have.</summary>
    public GraphQLType? InputType => Peek(_inputTypes);

    /// <summary>The input type enclosing the current one, e.g. the input object of an object field.</summary>
    public GraphQLType? ParentInputType => _inputTypes.Count > 1 ? _inputTypes[^2] : null;

    public FieldDefinition? FieldDefinition => Peek(_fields);

    public DirectiveDefinition? Directive { get; private set; }

    public InputValueDefinition? Argument { get; private set; }

    /// <summary>Whether the input position being read has a default value (so a nullable variable may fill a non-null slot).</summary>
    public bool HasDefaultValue => _hasDefaults.Count > 0 && _hasDefaults[^1];

    public void Enter(SyntaxNode node)
    {
        switch (node)
        {
            case SelectionSetNode:
                var named = Type?.Named;
                _parentTypes.Add(named is { IsComposite: true } ? named : null);
                break;
            case FieldNode field:
                var definition = ParentType is { } parent ? Schema.GetField(parent, field.Name.Value) : null;
                _fields.Add(definition);
                _types.Add(definition?.Type);
                break;
            case DirectiveNode directive:
                Directive = Schema.GetDirective(directive.Name.Value);
                break;
            case OperationDefinitionNode operation:
                _types.Add(Schema.GetRootType(operation.Operation));
                break;
            case InlineFragmentNode inline:
                PushTypeCondition(inline.TypeCondition);
                break;
            case FragmentDefinitionNode fragment:
                PushTypeCondition(fragment.TypeCondition);
                break;
            case VariableDefinitionNode variable:
                var variableType = Schema.GetType(variable.Type);
                _inputTypes.Add(variableType is { IsInputType: true } ? variableType : null);
                break;
            case ArgumentNode argument:
                Argument = Directive is not null ? Directive.GetArgument(argument.Name.Value) : FieldDefinition?.GetArgument(argument.Name.Value);
                _hasDefaults.Add(Argument?.HasDefaultValue == true);
                _inputTypes.Add(Argument?.Type);
                break;
            case ListValueNode:
                var listType = InputType?.Nullable;
                _hasDefaults.Add(false);
                _inputTypes.Add(listType is ListType list ? list.OfType : listType);
                break;
            case ObjectFieldNode objectField:
                var inputField = (InputType?.Named as InputObjectType)?.GetField(objectField.Name.Value);
                _hasDefaults.Add(inputField?.HasDefaultValue == true);
                _inputTypes.Add(inputField?.Type);
                break;
        }
    }

    public void Leave(SyntaxNode node)
    {
        switch (node)
        {
            case SelectionSetNode:
                Pop(_parentTypes);
                break;
            case FieldNode:
                Pop(_fields);
                Pop(_types);
                break;
            case DirectiveNode:
                Directive = null;
                break;
            case OperationDefinitionNode or InlineFragmentNode or FragmentDefinitionNode:
                Pop(_types);
                break;
            case VariableDefinitionNode:
                Pop(_inputTypes);
                break;
            case ArgumentNode:
                Argument = null;
                Pop(_hasDefaults);
                Pop(_inputTypes);
                break;
            case ListValueNode or ObjectFieldNode:
                Pop(_hasDefaults);
                Pop(_inputTypes);
                break;
        }
    }

    private void PushTypeCondition(NamedTypeNode? condition)
    {
        var type = condition is null ? Type?.Named : Schema.GetType(condition.Name.Value);
        _types.Add(type is { IsOutputType: true } ? type : null);
    }

    private static T? Peek<T>(List<T?> stack) => stack.Count > 0 ? stack[^1] : default;

    private static void Pop<T>(List<T> stack) => stack.RemoveAt(stack.Count - 1);
}
