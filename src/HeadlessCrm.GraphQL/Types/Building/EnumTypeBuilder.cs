namespace HeadlessCrm.GraphQL.Types.Building;

/// <summary>Configures an enum type's values: names, internal values, descriptions and deprecations.</summary>
public sealed class EnumTypeBuilder
{
    private readonly EnumType _type;

    internal EnumTypeBuilder(EnumType type) => _type = type;

    public EnumTypeBuilder Description(string description)
    {
        _type.Description = description;
        return this;
    }

    /// <summary>Adds a value; its internal value defaults to its name.</summary>
    public EnumTypeBuilder Value(string name, object? internalValue = null, string? description = null, string? deprecationReason = null)
    {
        _type.AddValue(new EnumValueDefinition(name, internalValue ?? name) { Description = description, DeprecationReason = deprecationReason });
        return this;
    }

    /// <summary>Describes the value whose internal value is <paramref name="internalValue"/>, e.g. a CLR enum member.</summary>
    public EnumTypeBuilder Describe(object internalValue, string description)
    {
        Find(internalValue).Description = description;
        return this;
    }

    public EnumTypeBuilder Deprecate(object internalValue, string reason = BuiltInDirectives.DefaultDeprecationReason)
    {
        Find(internalValue).DeprecationReason = reason;
        return this;
    }

    private EnumValueDefinition Find(object internalValue) =>
        _type.FindByInternalValue(internalValue) ?? throw new ArgumentException($"Enum \"{_type.Name}\" has no value for {internalValue}.", nameof(internalValue));
}
