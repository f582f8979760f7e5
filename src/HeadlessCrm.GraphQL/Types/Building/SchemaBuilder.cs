using System.Text;
using HeadlessCrm.GraphQL.Execution;
using HeadlessCrm.GraphQL.Language;
using HeadlessCrm.GraphQL.Language.Ast;
using HeadlessCrm.GraphQL.Types.Introspection;

namespace HeadlessCrm.GraphQL.Types.Building;

/// <summary>
/// Builds a <see cref="Schema"/> in code. Types refer to each other by name in GraphQL notation (<c>"[Deal!]!"</c>),
/// so features can be declared in any order and in separate places; calling <see cref="Object{T}"/> (or
/// <see cref="Query"/>) again with the same name adds to the existing type. <see cref="Build"/> resolves the names,
/// composes resolvers with their middleware once, and validates the result (spec §3).
/// </summary>
public sealed class SchemaBuilder
{
    private readonly Dictionary<string, NamedType> _types = new(StringComparer.Ordinal);
    private readonly List<(string Reference, string Owner, Action<GraphQLType> Assign)> _typeReferences = [];
    private readonly List<(ComplexType Type, string Name)> _interfaceReferences = [];
    private readonly List<(UnionType Type, string Name)> _unionMemberReferences = [];
    private readonly List<FieldBuild> _fields = [];
    private readonly List<(FieldMiddleware Middleware, Func<FieldDefinition, bool>? AppliesTo)> _middleware = [];
    private readonly List<DirectiveDefinition> _directives = [.. BuiltInDirectives.All];
    private string? _description;

    public SchemaBuilder Description(string description)
    {
        _description = description;
        return this;
    }

    /// <summary>Adds fields to the query root type, "Query".</summary>
    public SchemaBuilder Query(Action<ObjectTypeBuilder<object>> configure) => Object("Query", configure);

    /// <summary>Adds fields to the mutation root type, "Mutation"; its fields run one after another (spec §6.2.2).</summary>
    public SchemaBuilder Mutation(Action<ObjectTypeBuilder<object>> configure) => Object("Mutation", configure);

    /// <summary>Adds fields to the subscription root type, "Subscription"; give them a source with <c>Subscribe</c>.</summary>
    public SchemaBuilder Subscription(Action<ObjectTypeBuilder<object>> configure) => Object("Subscription", configure);

    /// <summary>Declares (or extends) an object type whose values are <typeparamref name="T"/> instances.</summary>
    public SchemaBuilder Object<T>(string name, Action<ObjectTypeBuilder<T>> configure)
    {
        var type = GetOrAdd(name, () => new ObjectType(name, clrType: typeof(T) == typeof(object) ? null : typeof(T)));
        configure(new ObjectTypeBuilder<T>(this, type));
        return this;
    }

    public SchemaBuilder Object(string name, Action<ObjectTypeBuilder<object>> configure) => Object<object>(name, configure);

    public SchemaBuilder Interface(string name, Action<InterfaceTypeBuilder> configure)
    {
        configure(new InterfaceTypeBuilder(this, GetOrAdd(name, () => new InterfaceType(name))));
        return this;
    }

    public SchemaBuilder Union(string name, Action<UnionTypeBuilder> configure)
    {
        configure(new UnionTypeBuilder(this, GetOrAdd(name, () => new UnionType(name))));
        return this;
    }

    /// <summary>An enum mapped to a CLR enum: member <c>ClosedWon</c> becomes value <c>CLOSED_WON</c>, and resolvers see the CLR value.</summary>
    public SchemaBuilder Enum<TEnum>(string name, Action<EnumTypeBuilder>? configure = null)
        where TEnum : struct, Enum
    {
        var type = GetOrAdd(name, () => new EnumType(name));
        var builder = new EnumTypeBuilder(type);
        if (type.Values.Count == 0)
        {
            foreach (var value in System.Enum.GetValues<TEnum>())
            {
                builder.Value(ConstantCase(value.ToString()), value);
            }
        }

        configure?.Invoke(builder);
        return this;
    }

    public SchemaBuilder Enum(string name, Action<EnumTypeBuilder> configure)
    {
        configure(new EnumTypeBuilder(GetOrAdd(name, () => new EnumType(name))));
        return this;
    }

    /// <summary>An input object bound to <typeparamref name="T"/>: coerced values arrive as instances of it.</summary>
    public SchemaBuilder InputObject<T>(string name, Action<InputObjectTypeBuilder> configure)
    {
        var clrType = typeof(T) == typeof(object) ? null : typeof(T);
        configure(new InputObjectTypeBuilder(this, GetOrAdd(name, () => new InputObjectType(name, clrType: clrType))));
        return this;
    }

    /// <summary>An input object whose coerced values arrive as <c>IReadOnlyDictionary&lt;string, object?&gt;</c>.</summary>
    public SchemaBuilder InputObject(string name, Action<InputObjectTypeBuilder> configure) => InputObject<object>(name, configure);

    /// <summary>Adds a custom scalar; the engine's own (DateTime, UUID, Decimal, JSON) are added when first referenced.</summary>
    public SchemaBuilder Scalar(ScalarType scalar)
    {
        GetOrAdd(scalar.Name, () => scalar);
        return this;
    }

    public SchemaBuilder Directive(DirectiveDefinition directive)
    {
        _directives.Add(directive);
        return this;
    }

    /// <summary>
    /// Wraps the resolvers of every field (or of those <paramref name="appliesTo"/> selects, decided once at build
    /// time), e.g. to check the scope in a field's metadata. Introspection fields are never wrapped.
    /// </summary>
    public SchemaBuilder UseFieldMiddleware(FieldMiddleware middleware, Func<FieldDefinition, bool>? appliesTo = null)
    {
        _middleware.Add((middleware, appliesTo));
        return this;
    }

    public Schema Build()
    {
        if (!_types.ContainsKey(IntrospectionTypes.SchemaTypeName))
        {
            IntrospectionTypes.AddTo(this);
        }

        var errors = new List<string>();
        ResolveReferences(errors);
        if (errors.Count > 0)
        {
            throw new SchemaValidationException(errors);
        }

        InheritInterfaceFields();
        ComposeResolvers();
        foreach (var input in _types.Values.OfType<InputObjectType>().Where(t => t.ClrType is not null))
        {
            input.Factory = ValueConverter.BinderFor(input.ClrType!);
        }

        var schema = new Schema(
            _types.GetValueOrDefault("Query") as ObjectType ?? throw new SchemaValidationException(["Query root type must be provided."]),
            _types.GetValueOrDefault("Mutation") as ObjectType,
            _types.GetValueOrDefault("Subscription") as ObjectType,
            [.. _types.Values],
            _directives,
            _description);
        var problems = SchemaValidator.Validate(schema);
        return problems.Count == 0 ? schema : throw new SchemaValidationException(problems);
    }

    internal FieldDefinition Field(string name, string type, string owner)
    {
        var field = new FieldDefinition(name, Scalars.String);
        _typeReferences.Add((type, owner, resolved => field.Type = resolved));
        return field;
    }

    internal InputValueDefinition InputValue(string name, string type, string? description, string? deprecationReason, string owner)
    {
        var value = new InputValueDefinition(name, Scalars.String) { Description = description, DeprecationReason = deprecationReason };
        _typeReferences.Add((type, owner, resolved => value.Type = resolved));
        return value;
    }

    internal void AddFieldBuilder(ComplexType owner, FieldDefinition field, FieldResolver? resolver, IReadOnlyList<FieldMiddleware> middleware) =>
        _fields.Add(new FieldBuild(owner, field, resolver, middleware));

    internal void AddInterfaceReference(ComplexType type, string name) => _interfaceReferences.Add((type, name));

    internal void AddUnionMemberReference(UnionType type, string name) => _unionMemberReferences.Add((type, name));

    private T GetOrAdd<T>(string name, Func<T> create)
        where T : NamedType
    {
        if (_types.TryGetValue(name, out var existing))
        {
            return existing as T ?? throw new ArgumentException($"Type \"{name}\" is already defined as a {existing.GetType().Name}.", nameof(name));
        }

        var type = create();
        _types.Add(name, type);
        return type;
    }

    private void ResolveReferences(List<string> errors)
    {
        foreach (var (reference, owner, assign) in _typeReferences)
        {
            TypeNode node;
            try
            {
                node = Parser.ParseType(reference);
            }
            catch (GraphQLSyntaxException)
            {
                errors.Add($"The type \"{reference}\" of {owner} is not a valid type reference.");
                continue;
            }

            if (Resolve(node) is { } type)
            {
                assign(type);
            }
            else
            {
                errors.Add($"Unknown type \"{reference}\" referenced by {owner}.");
            }
        }

        foreach (var (type, name) in _interfaceReferences)
        {
            if (FindNamed(name) is InterfaceType interfaceType)
            {
                type.AddInterface(interfaceType);
            }
            else
            {
                errors.Add($"Type {type.Name} must only implement Interface types, it cannot implement {name}.");
            }
        }

        foreach (var (union, name) in _unionMemberReferences)
        {
            if (FindNamed(name) is ObjectType member)
            {
                union.AddType(member);
            }
            else
            {
                errors.Add($"Union type {union.Name} can only include Object types, it cannot include {name}.");
            }
        }
    }

    private GraphQLType? Resolve(TypeNode node) => node switch
    {
        NonNullTypeNode nonNull => Resolve(nonNull.Type) is { } inner ? new NonNullType(inner) : null,
        ListTypeNode list => Resolve(list.Type) is { } inner ? new ListType(inner) : null,
        NamedTypeNode named => FindNamed(named.Name.Value),
        _ => null,
    };

    private NamedType? FindNamed(string name)
    {
        if (_types.TryGetValue(name, out var type))
        {
            return type;
        }

        var scalar = Scalars.All.FirstOrDefault(s => s.Name == name);
        if (scalar is not null)
        {
            _types.Add(name, scalar);
        }

        return scalar;
    }

    private void InheritInterfaceFields()
    {
        var byOwnerAndName = _fields.ToDictionary(f => (f.Owner, f.Definition.Name));
        foreach (var type in _types.Values.OfType<ComplexType>())
        {
            foreach (var interfaceType in type.Interfaces)
            {
                foreach (var field in interfaceType.Fields.Where(f => type.GetField(f.Name) is null))
                {
                    var source = byOwnerAndName[(interfaceType, field.Name)];
                    var copy = new FieldDefinition(field.Name, field.Type)
                    {
                        Description = field.Description,
                        DeprecationReason = field.DeprecationReason,
                        Cost = field.Cost,
                        Metadata = field.Metadata,
                    };
                    foreach (var argument in field.Arguments)
                    {
                        copy.AddArgument(argument);
                    }

                    type.AddField(copy);
                    var inherited = source with { Owner = type, Definition = copy };
                    _fields.Add(inherited);
                    byOwnerAndName[(type, copy.Name)] = inherited;
                }
            }
        }
    }

    private void ComposeResolvers()
    {
        foreach (var (owner, field, resolver, middleware) in _fields)
        {
            var composed = resolver
                ?? (field.Subscriber is not null ? context => new ValueTask<object?>(context.Source) : DefaultFieldResolver.For(field.Name, (owner as ObjectType)?.ClrType));
            for (var i = middleware.Count - 1; i >= 0; i--)
            {
                composed = Wrap(middleware[i], composed);
            }

            if (!owner.Name.StartsWith("__", StringComparison.Ordinal))
            {
                for (var i = _middleware.Count - 1; i >= 0; i--)
                {
                    if (_middleware[i].AppliesTo?.Invoke(field) ?? true)
                    {
                        composed = Wrap(_middleware[i].Middleware, composed);
                    }
                }
            }

            field.Resolver = composed;
        }
    }

    private static FieldResolver Wrap(FieldMiddleware middleware, FieldResolver next) => context => middleware(context, next);

    /// <summary>PascalCase to CONSTANT_CASE: <c>ClosedWon</c> → <c>CLOSED_WON</c>, <c>HTTPStatus</c> → <c>HTTP_STATUS</c>.</summary>
    internal static string ConstantCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var startsWord = i > 0 && char.IsUpper(c)
                && (!char.IsUpper(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])));
            if (startsWord && name[i - 1] != '_')
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(c));
        }

        return builder.ToString();
    }

    private sealed record FieldBuild(ComplexType Owner, FieldDefinition Definition, FieldResolver? Resolver, IReadOnlyList<FieldMiddleware> Middleware);
}
