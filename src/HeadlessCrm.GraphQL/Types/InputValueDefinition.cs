namespace HeadlessCrm.GraphQL.Types;

/// <summary>An argument of a field or directive, or a field of an input object (spec §3.6.1, §3.10).</summary>
public sealed class InputValueDefinition(string name, GraphQLType type) : IDeprecatable
{
    public string Name { get; } = name;

    public GraphQLType Type { get; internal set; } = type;

    public string? Description { get; internal set; }

    public string? DeprecationReason { get; internal set; }

    public bool IsDeprecated => DeprecationReason is not null;

    public bool HasDefaultValue { get; internal set; }

    /// <summary>The default as an already coerced (internal) value, used when the input omits this value.</summary>
    public object? DefaultValue { get; internal set; }

    internal void SetDefault(object? value)
    {
        HasDefaultValue = true;
        DefaultValue = value;
    }
}
