namespace HeadlessCrm.GraphQL.Types.Building;

/// <summary>Configures an object type whose values are <typeparamref name="TParent"/> instances.</summary>
public sealed class ObjectTypeBuilder<TParent> : ComplexTypeBuilder<ObjectTypeBuilder<TParent>, TParent>
{
    private readonly ObjectType _type;

    internal ObjectTypeBuilder(SchemaBuilder schema, ObjectType type)
        : base(schema, type) => _type = type;

    /// <summary>Overrides how interfaces and unions recognise this type's values (by default, by CLR type).</summary>
    public ObjectTypeBuilder<TParent> IsTypeOf(Func<object, bool> predicate)
    {
        _type.IsTypeOf = predicate;
        return this;
    }
}
