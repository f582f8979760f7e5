namespace HeadlessCrm.GraphQL.Types;

/// <summary>An object type (spec §3.6): the concrete shape every value in a response finally has.</summary>
public sealed class ObjectType(string name, string? description = null, Type? clrType = null) : ComplexType(name, description)
{
    /// <summary>The CLR type whose instances are of this GraphQL type; lets interfaces and unions resolve by CLR type.</summary>
    public Type? ClrType { get; } = clrType;

    /// <summary>An optional test that a value belongs to this type, consulted before <see cref="ClrType"/>.</summary>
    public Func<object, bool>? IsTypeOf { get; internal set; }

    internal bool Accepts(object value) =>
        IsTypeOf?.Invoke(value) ?? (ClrType is not null && ClrType.IsInstanceOfType(value));
}
