namespace HeadlessCrm.GraphQL.Types.Building;

/// <summary>What object and interface type builders share: description, interfaces and fields.</summary>
public abstract class ComplexTypeBuilder<TSelf, TParent>
    where TSelf : ComplexTypeBuilder<TSelf, TParent>
{
    private readonly SchemaBuilder _schema;
    private readonly ComplexType _type;

    private protected ComplexTypeBuilder(SchemaBuilder schema, ComplexType type)
    {
        _schema = schema;
        _type = type;
    }

    public TSelf Description(string description)
    {
        _type.Description = description;
        return (TSelf)this;
    }

    /// <summary>Declares implemented interfaces by name; fields they declare and this type lacks are inherited.</summary>
    public TSelf Implements(params string[] interfaceNames)
    {
        foreach (var name in interfaceNames)
        {
            _schema.AddInterfaceReference(_type, name);
        }

        return (TSelf)this;
    }

    /// <summary>A field read from the parent by a function, e.g. <c>Field("name", "String!", c => c.Name)</c>.</summary>
    public TSelf Field(string name, string type, Func<TParent, object?> resolve, string? description = null) =>
        Field(name, type, f =>
        {
            f.Resolve(c => resolve(c.Parent));
            if (description is not null)
            {
                f.Description(description);
            }
        });

    /// <summary>A field configured in full: arguments, resolver, guards...; without a resolver it reads the parent's member of the same name.</summary>
    public TSelf Field(string name, string type, Action<FieldBuilder<TParent>>? configure = null)
    {
        var field = new FieldBuilder<TParent>(_schema, _schema.Field(name, type, $"field \"{_type.Name}.{name}\""));
        configure?.Invoke(field);
        _type.AddField(field.Definition);
        _schema.AddFieldBuilder(_type, field.Definition, field.Resolver, field.Middleware);
        return (TSelf)this;
    }
}
