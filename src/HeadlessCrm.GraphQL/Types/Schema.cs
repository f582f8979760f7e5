using HeadlessCrm.GraphQL.Language.Ast;
using HeadlessCrm.GraphQL.Types.Introspection;

namespace HeadlessCrm.GraphQL.Types;

/// <summary>
/// A complete, validated schema (spec §3.3): root operation types, every named type, the directives, and the
/// possible-type relations that validation and execution ask about. Immutable once built.
/// </summary>
public sealed class Schema
{
    private readonly Dictionary<string, NamedType> _types;
    private readonly Dictionary<string, DirectiveDefinition> _directives;
    private readonly Dictionary<NamedType, ObjectType[]> _possibleTypes = [];
    private readonly Dictionary<InterfaceType, HashSet<NamedType>> _subTypes = [];

    internal Schema(
        ObjectType queryType,
        ObjectType? mutationType,
        ObjectType? subscriptionType,
        IReadOnlyList<NamedType> types,
        IReadOnlyList<DirectiveDefinition> directives,
        string? description)
    {
        QueryType = queryType;
        MutationType = mutationType;
        SubscriptionType = subscriptionType;
        Description = description;
        TypeList = types;
        _types = types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        DirectiveList = directives;
        _directives = directives.ToDictionary(d => d.Name, StringComparer.Ordinal);
        foreach (var type in types)
        {
            if (type is UnionType union)
            {
                _possibleTypes[union] = [.. union.Types];
            }
            else if (type is InterfaceType interfaceType)
            {
                _possibleTypes[interfaceType] = [.. types.OfType<ObjectType>().Where(o => o.Implements(interfaceType))];
                _subTypes[interfaceType] = [.. types.OfType<ComplexType>().Where(t => t.Implements(interfaceType))];
            }
        }

        TypeNameField = IntrospectionTypes.TypeNameField(this);
        SchemaField = IntrospectionTypes.SchemaField(this);
        TypeField = IntrospectionTypes.TypeField(this);
    }

    public string? Description { get; }

    public ObjectType QueryType { get; }

    public ObjectType? MutationType { get; }

    public ObjectType? SubscriptionType { get; }

    /// <summary>Every named type, in the order they were defined.</summary>
    public IReadOnlyList<NamedType> TypeList { get; }

    public IReadOnlyList<DirectiveDefinition> DirectiveList { get; }

    /// <summary>The <c>__typename</c> meta-field every composite type has (spec §4.4).</summary>
    public FieldDefinition TypeNameField { get; }

    /// <summary>The <c>__schema</c> meta-field of the query root (spec §4.2).</summary>
    public FieldDefinition SchemaField { get; }

    /// <summary>The <c>__type(name:)</c> meta-field of the query root (spec §4.2).</summary>
    public FieldDefinition TypeField { get; }

    public NamedType? GetType(string name) => _types.GetValueOrDefault(name);

    /// <summary>The type a type reference of a document denotes, or null when its named type does not exist.</summary>
    public GraphQLType? GetType(TypeNode node) => node switch
    {
        NonNullTypeNode nonNull => GetType(nonNull.Type) is { } inner and not NonNullType ? new NonNullType(inner) : null,
        ListTypeNode list => GetType(list.Type) is { } inner ? new ListType(inner) : null,
        NamedTypeNode named => GetType(named.Name.Value),
        _ => null,
    };

    public DirectiveDefinition? GetDirective(string name) => _directives.GetValueOrDefault(name);

    public ObjectType? GetRootType(OperationType operation) => operation switch
    {
        OperationType.Query => QueryType,
        OperationType.Mutation => MutationType,
        _ => SubscriptionType,
    };

    /// <summary>The object types a value of an abstract type may have; an object type's only possible type is itself.</summary>
    public IReadOnlyList<ObjectType> GetPossibleTypes(NamedType type) => type switch
    {
        ObjectType objectType => [objectType],
        _ => _possibleTypes.GetValueOrDefault(type) ?? [],
    };

    public bool IsPossibleType(NamedType abstractType, ObjectType objectType) =>
        abstractType == objectType || Array.IndexOf(_possibleTypes.GetValueOrDefault(abstractType) ?? [], objectType) >= 0;

    /// <summary>Whether <paramref name="maybeSubType"/> is a member or implementation of <paramref name="abstractType"/>.</summary>
    public bool IsSubType(NamedType abstractType, NamedType maybeSubType) => abstractType switch
    {
        UnionType union => maybeSubType is ObjectType o && union.Types.Contains(o),
        InterfaceType interfaceType => _subTypes.TryGetValue(interfaceType, out var subTypes) && subTypes.Contains(maybeSubType),
        _ => false,
    };

    /// <summary>Finds a field on a composite type, including the meta-fields (spec §4.2, §4.4).</summary>
    public FieldDefinition? GetField(NamedType parentType, string fieldName)
    {
        if (fieldName == TypeNameField.Name && parentType.IsComposite)
        {
            return TypeNameField;
        }

        if (parentType == QueryType && fieldName == SchemaField.Name)
        {
            return SchemaField;
        }

        if (parentType == QueryType && fieldName == TypeField.Name)
        {
            return TypeField;
        }

        return (parentType as ComplexType)?.GetField(fieldName);
    }
}
