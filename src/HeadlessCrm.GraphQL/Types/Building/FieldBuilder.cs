using HeadlessCrm.GraphQL.Execution;

namespace HeadlessCrm.GraphQL.Types.Building;

/// <summary>Configures one field: arguments, description, deprecation, cost, metadata, guards and its resolver.</summary>
public sealed class FieldBuilder<TParent>
{
    private readonly SchemaBuilder _schema;
    private readonly List<FieldMiddleware> _middleware = [];

    internal FieldBuilder(SchemaBuilder schema, FieldDefinition definition)
    {
        _schema = schema;
        Definition = definition;
    }

    internal FieldDefinition Definition { get; }

    internal FieldResolver? Resolver { get; private set; }

    internal IReadOnlyList<FieldMiddleware> Middleware => _middleware;

    public FieldBuilder<TParent> Description(string description)
    {
        Definition.Description = description;
        return this;
    }

    public FieldBuilder<TParent> Deprecated(string reason = BuiltInDirectives.DefaultDeprecationReason)
    {
        Definition.DeprecationReason = reason;
        return this;
    }

    /// <summary>Adds an argument; <paramref name="type"/> is written as in GraphQL, e.g. <c>"[ID!]!"</c>.</summary>
    public FieldBuilder<TParent> Argument(string name, string type, string? description = null, string? deprecationReason = null)
    {
        Definition.AddArgument(_schema.InputValue(name, type, description, deprecationReason, $"argument \"{Definition.Name}({name}:)\""));
        return this;
    }

    /// <summary>Adds an argument with a default, given as the value resolvers receive (e.g. a CLR enum value).</summary>
    public FieldBuilder<TParent> ArgumentWithDefault<TDefault>(string name, string type, TDefault defaultValue, string? description = null)
    {
        var argument = _schema.InputValue(name, type, description, null, $"argument \"{Definition.Name}({name}:)\"");
        argument.SetDefault(defaultValue);
        Definition.AddArgument(argument);
        return this;
    }

    /// <summary>The complexity this field adds, instead of the configured default.</summary>
    public FieldBuilder<TParent> Cost(int cost)
    {
        Definition.Cost = cost;
        return this;
    }

    /// <summary>Attaches data for middleware to read, e.g. <c>Metadata("scope", "crm.deals.read")</c>.</summary>
    public FieldBuilder<TParent> Metadata(string key, object? value)
    {
        Definition.Metadata = new Dictionary<string, object?>(Definition.Metadata) { [key] = value };
        return this;
    }

    /// <summary>Wraps the resolver; middleware added first runs first.</summary>
    public FieldBuilder<TParent> Use(FieldMiddleware middleware)
    {
        _middleware.Add(middleware);
        return this;
    }

    /// <summary>Checks a requirement before the resolver; when it fails the field is null with an error carrying <paramref name="code"/>.</summary>
    public FieldBuilder<TParent> Guard(Func<IResolveContext, bool> requirement, string message, string code = "FORBIDDEN") =>
        Use((context, next) => requirement(context) ? next(context) : throw new GraphQLException(message, code));

    public FieldBuilder<TParent> Resolve(Func<ResolveContext<TParent>, object?> resolve)
    {
        Resolver = context => new ValueTask<object?>(resolve(new ResolveContext<TParent>(context)));
        return this;
    }

    public FieldBuilder<TParent> ResolveAsync<TResult>(Func<ResolveContext<TParent>, Task<TResult>> resolve)
    {
        Resolver = context => AwaitBoxed(resolve(new ResolveContext<TParent>(context)));
        return this;
    }

    /// <summary>Makes this (subscription root) field a source of events; each event becomes the field's value unless a resolver maps it.</summary>
    public FieldBuilder<TParent> Subscribe<TEvent>(Func<ResolveContext<TParent>, IAsyncEnumerable<TEvent>> subscribe)
    {
        Definition.Subscriber = context => new ValueTask<IAsyncEnumerable<object?>>(Box(subscribe(new ResolveContext<TParent>(context))));
        return this;
    }

    private static async ValueTask<object?> AwaitBoxed<TResult>(Task<TResult> task) => await task.ConfigureAwait(false);

    private static async IAsyncEnumerable<object?> Box<TEvent>(IAsyncEnumerable<TEvent> events)
    {
        await foreach (var item in events.ConfigureAwait(false))
        {
            yield return item;
        }
    }
}
