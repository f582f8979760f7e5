namespace HeadlessCrm.GraphQL.Types;

/// <summary>A union of object types (spec §3.8).</summary>
public sealed class UnionType(string name, string? description = null) : NamedType(name, description)
{
    private readonly List<ObjectType> _types = [];

    public IReadOnlyList<ObjectType> Types => _types;

    /// <summary>Names a value's object type; when absent, members are asked by CLR type or IsTypeOf.</summary>
    public AbstractTypeResolver? ResolveType { get; internal set; }

    internal void AddType(ObjectType type)
    {
        if (!_types.Contains(type))
        {
            _types.Add(type);
        }
    }
}
