namespace HeadlessCrm.GraphQL.Types;

/// <summary>An enum type (spec §3.9): serialises internal values to names and parses names back.</summary>
public sealed class EnumType(string name, string? description = null) : NamedType(name, description)
{
    private readonly Dictionary<string, EnumValueDefinition> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<object, EnumValueDefinition> _byValue = [];
    private readonly List<EnumValueDefinition> _values = [];

    public IReadOnlyList<EnumValueDefinition> Values => _values;

    public EnumValueDefinition? GetValue(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The enum value for an internal value; a name given as a string is accepted too.</summary>
    public EnumValueDefinition? FindByInternalValue(object value) =>
        _byValue.GetValueOrDefault(value) ?? (value is string name ? GetValue(name) : null);

    internal void AddValue(EnumValueDefinition value)
    {
        if (!_byName.TryAdd(value.Name, value))
        {
            throw new ArgumentException($"Enum \"{Name}\" already has a value \"{value.Name}\".", nameof(value));
        }

        _byValue.TryAdd(value.Value, value);
        _values.Add(value);
    }
}
