namespace HeadlessCrm.GraphQL.Types;

/// <summary>A directive the schema accepts: its arguments, locations and whether it may repeat (spec §3.13).</summary>
public sealed class DirectiveDefinition(string name, IEnumerable<DirectiveLocation> locations, string? description = null, bool isRepeatable = false)
{
    private readonly List<InputValueDefinition> _arguments = [];

    public string Name { get; } = name;

    public string? Description { get; } = description;

    public bool IsRepeatable { get; } = isRepeatable;

    public IReadOnlyList<DirectiveLocation> Locations { get; } = [.. locations];

    public IReadOnlyList<InputValueDefinition> Arguments => _arguments;

    public InputValueDefinition? GetArgument(string name) => _arguments.Find(a => a.Name == name);

    public DirectiveDefinition WithArgument(string name, GraphQLType type, string? description = null, object? defaultValue = null, bool hasDefault = false)
    {
        var argument = new InputValueDefinition(name, type) { Description = description };
        if (hasDefault)
        {
            argument.SetDefault(defaultValue);
        }

        _arguments.Add(argument);
        return this;
    }
}
