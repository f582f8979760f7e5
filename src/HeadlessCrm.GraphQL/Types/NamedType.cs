namespace HeadlessCrm.GraphQL.Types;

/// <summary>A type with a name of its own: scalar, object, interface, union, enum or input object.</summary>
public abstract class NamedType(string name, string? description) : GraphQLType
{
    public string Name { get; } = name;

    public string? Description { get; internal set; } = description;

    public override NamedType Named => this;

    /// <summary>Leaf types end a selection: scalars and enums (spec §3.4).</summary>
    public bool IsLeaf => this is ScalarType or EnumType;

    /// <summary>Composite types have selection sets: objects, interfaces and unions.</summary>
    public bool IsComposite => this is ObjectType or InterfaceType or UnionType;

    /// <summary>Abstract types need a concrete object type chosen at run time: interfaces and unions.</summary>
    public bool IsAbstract => this is InterfaceType or UnionType;

    public override string ToString() => Name;
}
