namespace HeadlessCrm.GraphQL.Types;

/// <summary>
/// An input object type (spec §3.10). When bound to a CLR type, coercion builds an instance of it;
/// otherwise the coerced value is a read-only dictionary of field values.
/// </summary>
public sealed class InputObjectType(string name, string? description = null, Type? clrType = null) : NamedType(name, description)
{
    private readonly Dictionary<string, InputValueDefinition> _fieldsByName = new(StringComparer.Ordinal);
    private readonly List<InputValueDefinition> _fields = [];

    public IReadOnlyList<InputValueDefinition> Fields => _fields;

    public Type? ClrType { get; } = clrType;

    /// <summary>A @oneOf input object: exactly one field must be given, and it must not be null (spec 2025 §3.10.1).</summary>
    public bool IsOneOf { get; internal set; }

    /// <summary>Builds the CLR value from coerced field values; set when the type is bound to a CLR type.</summary>
    internal Func<IReadOnlyDictionary<string, object?>, object>? Factory { get; set; }

    public InputValueDefinition? GetField(string name) => _fieldsByName.GetValueOrDefault(name);

    internal void AddField(InputValueDefinition field)
    {
        if (!_fieldsByName.TryAdd(field.Name, field))
        {
            throw new ArgumentException($"Input type \"{Name}\" already has a field \"{field.Name}\".", nameof(field));
        }

        _fields.Add(field);
    }
}
