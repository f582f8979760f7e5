namespace HeadlessCrm.GraphQL.Types;

/// <summary>An interface type (spec §3.7); interfaces may implement other interfaces.</summary>
public sealed class InterfaceType(string name, string? description = null) : ComplexType(name, description)
{
    /// <summary>Names a value's object type; when absent, the possible types are asked by CLR type or IsTypeOf.</summary>
    public AbstractTypeResolver? ResolveType { get; internal set; }
}
