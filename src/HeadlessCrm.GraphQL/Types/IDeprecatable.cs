namespace HeadlessCrm.GraphQL.Types;

/// <summary>A named, described schema member that @deprecated may mark: a field, an argument or input field, an enum value.</summary>
public interface IDeprecatable
{
    string Name { get; }

    string? Description { get; }

    string? DeprecationReason { get; }

    bool IsDeprecated { get; }
}
