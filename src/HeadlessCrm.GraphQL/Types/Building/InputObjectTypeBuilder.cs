namespace HeadlessCrm.GraphQL.Types.Building;

/// <summary>Configures an input object type: its fields, defaults and @oneOf.</summary>
public sealed class InputObjectTypeBuilder
{
    private readonly SchemaBuilder _schema;
    private readonly InputObjectType _type;

    internal InputObjectTypeBuilder(SchemaBuilder schema, InputObjectType type)
    {
        _schema = schema;
        _type = type;
    }

    public InputObjectTypeBuilder Description(string description)
    {
        _type.Description = description;
        return this;
    }

    /// <summary>Makes this a @oneOf input object: exactly one field, not null, must be given.</summary>
    public InputObjectTypeBuilder OneOf()
    {
        _type.IsOneOf = true;
        return this;
    }

    public InputObjectTypeBuilder Field(string name, string type, string? description = null, string? deprecationReason = null)
    {
        _type.AddField(_schema.InputValue(name, type, description, deprecationReason, $"input field \"{_type.Name}.{name}\""));
        return this;
    }

    /// <summary>Adds a field with a default, given as the coerced value (e.g. a CLR enum value).</summary>
    public InputObjectTypeBuilder FieldWithDefault<TDefault>(string name, string type, TDefault defaultValue, string? description = null)
    {
        var field = _schema.InputValue(name, type, description, null, $"input field \"{_type.Name}.{name}\"");
        field.SetDefault(defaultValue);
        _type.AddField(field);
        return this;
    }
}
