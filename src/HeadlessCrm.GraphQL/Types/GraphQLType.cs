namespace HeadlessCrm.GraphQL.Types;

/// <summary>Any GraphQL type: a named type or a list/non-null wrapper around one (spec §3.4).</summary>
public abstract class GraphQLType
{
    /// <summary>The named type at the core of any wrapping.</summary>
    public abstract NamedType Named { get; }

    /// <summary>Input types may be used for arguments and variables (spec §3.4.2).</summary>
    public bool IsInputType => Named is ScalarType or EnumType or InputObjectType;

    /// <summary>Output types may be returned by fields (spec §3.4.2).</summary>
    public bool IsOutputType => Named is ScalarType or EnumType or ObjectType or InterfaceType or UnionType;

    /// <summary>The type with a non-null wrapper removed, if it had one.</summary>
    public GraphQLType Nullable => this is NonNullType nonNull ? nonNull.OfType : this;

    /// <summary>The type as written in GraphQL, e.g. <c>[String!]!</c>.</summary>
    public abstract override string ToString();

    /// <summary>Whether two type references are the same type (spec "AreTypesEqual").</summary>
    public static bool AreEqual(GraphQLType a, GraphQLType b) => (a, b) switch
    {
        (NonNullType x, NonNullType y) => AreEqual(x.OfType, y.OfType),
        (ListType x, ListType y) => AreEqual(x.OfType, y.OfType),
        (NamedType x, NamedType y) => ReferenceEquals(x, y),
        _ => false,
    };
}
