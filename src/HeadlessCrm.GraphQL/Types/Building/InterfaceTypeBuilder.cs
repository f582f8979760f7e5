namespace HeadlessCrm.GraphQL.Types.Building;

/// <summary>Configures an interface type; its fields may carry resolvers that implementing types inherit.</summary>
public sealed class InterfaceTypeBuilder : ComplexTypeBuilder<InterfaceTypeBuilder, object>
{
    private readonly InterfaceType _type;

    internal InterfaceTypeBuilder(SchemaBuilder schema, InterfaceType type)
        : base(schema, type) => _type = type;

    /// <summary>Names the object type of a value; without it, implementing types are matched by CLR type.</summary>
    public InterfaceTypeBuilder ResolveType(AbstractTypeResolver resolver)
    {
        _type.ResolveType = resolver;
        return this;
    }
}
