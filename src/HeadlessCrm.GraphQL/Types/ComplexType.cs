namespace HeadlessCrm.GraphQL.Types;

/// <summary>An object or interface type: a named type with fields that may implement interfaces (spec §3.6, §3.7).</summary>
public abstract class ComplexType(string name, string? description) : NamedType(name, description)
{
    private readonly Dictionary<string, FieldDefinition> _fieldsByName = new(StringComparer.Ordinal);
    private readonly List<FieldDefinition> _fields = [];
    private readonly List<InterfaceType> _interfaces = [];

    public IReadOnlyList<FieldDefinition> Fields => _fields;

    public IReadOnlyList<InterfaceType> Interfaces => _interfaces;

    public FieldDefinition? GetField(string name) => _fieldsByName.GetValueOrDefault(name);

    public bool Implements(InterfaceType interfaceType) => _interfaces.Contains(interfaceType);

    internal void AddField(FieldDefinition field)
    {
        if (!_fieldsByName.TryAdd(field.Name, field))
        {
            throw new ArgumentException($"Type \"{Name}\" already has a field \"{field.Name}\".", nameof(field));
        }

        _fields.Add(field);
    }

    internal void AddInterface(InterfaceType interfaceType)
    {
        if (!_interfaces.Contains(interfaceType))
        {
            _interfaces.Add(interfaceType);
        }
    }
}
