namespace HeadlessCrm.GraphQL.Types.Building;

/// <summary>Configures a union type: its member object types and how a value picks one.</summary>
public sealed class UnionTypeBuilder
{
    private readonly SchemaBuilder _schema;
    private readonly UnionType _type;

    internal UnionTypeBuilder(SchemaBuilder schema, UnionType type)
    {
        _schema = schema;
        _type = type;
    }

    public UnionTypeBuilder Description(string description)
    {
        _type.Description = description;
        return this;
    }

    public UnionTypeBuilder Types(params string[] objectTypeNames)
    {
        foreach (var name in objectTypeNames)
        {
            _schema.AddUnionMemberReference(_type, name);
        }

        return this;
    }

    /// <summary>Names the object type of a value; without it, members are matched by CLR type.</summary>
    public UnionTypeBuilder ResolveType(AbstractTypeResolver resolver)
    {
        _type.ResolveType = resolver;
        return this;
    }
}
