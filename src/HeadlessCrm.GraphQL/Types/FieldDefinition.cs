using HeadlessCrm.GraphQL.Execution;

namespace HeadlessCrm.GraphQL.Types;

/// <summary>A field of an object or interface type (spec §3.6): its type, arguments, resolver and metadata.</summary>
public sealed class FieldDefinition(string name, GraphQLType type) : IDeprecatable
{
    private readonly Dictionary<string, InputValueDefinition> _argumentsByName = new(StringComparer.Ordinal);
    private readonly List<InputValueDefinition> _arguments = [];

    public string Name { get; } = name;

    public GraphQLType Type { get; internal set; } = type;

    public string? Description { get; internal set; }

    public string? DeprecationReason { get; internal set; }

    public bool IsDeprecated => DeprecationReason is not null;

    public IReadOnlyList<InputValueDefinition> Arguments => _arguments;

    /// <summary>The resolver with every middleware and guard already composed around it.</summary>
    public FieldResolver? Resolver { get; internal set; }

    /// <summary>Resolves the source stream of a subscription root field (spec §6.2.3.1).</summary>
    public SubscriptionResolver? Subscriber { get; internal set; }

    /// <summary>The cost this field adds to a query's complexity; null uses the configured default.</summary>
    public int? Cost { get; internal set; }

    /// <summary>Free-form data for middleware, e.g. the scope a field requires.</summary>
    public IReadOnlyDictionary<string, object?> Metadata { get; internal set; } = EmptyMetadata;

    internal static IReadOnlyDictionary<string, object?> EmptyMetadata { get; } = new Dictionary<string, object?>();

    public InputValueDefinition? GetArgument(string name) => _argumentsByName.GetValueOrDefault(name);

    internal void AddArgument(InputValueDefinition argument)
    {
        if (!_argumentsByName.TryAdd(argument.Name, argument))
        {
            throw new ArgumentException($"Field \"{Name}\" already has an argument \"{argument.Name}\".", nameof(argument));
        }

        _arguments.Add(argument);
    }
}
