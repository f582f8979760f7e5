namespace HeadlessCrm.GraphQL.Types;

/// <summary>One value of an enum type: its GraphQL name and the internal value resolvers see (spec §3.9).</summary>
public sealed class EnumValueDefinition(string name, object value) : IDeprecatable
{
    public string Name { get; } = name;

    public object Value { get; } = value;

    public string? Description { get; internal set; }

    public string? DeprecationReason { get; internal set; }

    public bool IsDeprecated => DeprecationReason is not null;
}
