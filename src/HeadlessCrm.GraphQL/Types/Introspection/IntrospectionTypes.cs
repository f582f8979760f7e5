using HeadlessCrm.GraphQL.Language;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.GraphQL.Types.Introspection;

/// <summary>
/// The introspection system (spec §4): the <c>__Schema</c>, <c>__Type</c>, <c>__Field</c>, <c>__InputValue</c>,
/// <c>__EnumValue</c> and <c>__Directive</c> types over the schema's own objects, and the meta-fields that reach them.
/// </summary>
public static class IntrospectionTypes
{
    public const string SchemaTypeName = "__Schema";

    internal static void AddTo(SchemaBuilder builder)
    {
        builder.Enum<TypeKind>("__TypeKind", e => e.Description("The kind of a type, as `__Type.kind` reports it."));
        builder.Enum<DirectiveLocation>("__DirectiveLocation", e => e.Description("A place in a document or schema where a directive may be used."));
        builder.Object<Schema>(SchemaTypeName, t => t
            .Description("The whole schema: its types, root operation types and directives.")
            .Field("description", "String", s => s.Description)
            .Field("types", "[__Type!]!", s => s.TypeList)
            .Field("queryType", "__Type!", s => s.QueryType)
            .Field("mutationType", "__Type", s => s.MutationType)
            .Field("subscriptionType", "__Type", s => s.SubscriptionType)
            .Field("directives", "[__Directive!]!", s => s.DirectiveList));
        builder.Object<GraphQLType>("__Type", t => t
            .Description("Any type of the schema, named or wrapped in a list or non-null.")
            .Field("kind", "__TypeKind!", type => KindOf(type))
            .Field("name", "String", type => (type as NamedType)?.Name)
            .Field("description", "String", type => (type as NamedType)?.Description)
            .Field("specifiedByURL", "String", type => (type as ScalarType)?.SpecifiedByUrl)
            .Field("fields", "[__Field!]", f => IncludingDeprecated(f, type => (type as ComplexType)?.Fields))
            .Field("interfaces", "[__Type!]", type => (type as ComplexType)?.Interfaces)
            .Field("possibleTypes", "[__Type!]", f => f
                .Resolve(c => c.Parent is InterfaceType or UnionType ? c.Inner.Schema.GetPossibleTypes((NamedType)c.Parent) : null))
            .Field("enumValues", "[__EnumValue!]", f => IncludingDeprecated(f, type => (type as EnumType)?.Values))
            .Field("inputFields", "[__InputValue!]", f => IncludingDeprecated(f, type => (type as InputObjectType)?.Fields))
            .Field("ofType", "__Type", type => type switch
            {
                ListType list => list.OfType,
                NonNullType nonNull => nonNull.OfType,
                _ => null,
            })
            .Field("isOneOf", "Boolean", type => type is InputObjectType input ? input.IsOneOf : null));
        builder.Object<FieldDefinition>("__Field", t => Member(t, "A field of an object or interface type.")
            .Field("args", "[__InputValue!]!", f => IncludingDeprecated(f, field => field.Arguments))
            .Field("type", "__Type!", f => f.Type));
        builder.Object<InputValueDefinition>("__InputValue", t => Member(t, "An argument, or a field of an input object type.")
            .Field("type", "__Type!", v => v.Type)
            .Field("defaultValue", "String", v => v.HasDefaultValue && LiteralFromValue.Convert(v.DefaultValue, v.Type) is { } literal ? Printer.Print(literal) : null));
        builder.Object<EnumValueDefinition>("__EnumValue", t => Member(t, "One value of an enum type."));
        builder.Object<DirectiveDefinition>("__Directive", t => t
            .Description("A directive the schema supports, with where it may be used and its arguments.")
            .Field("name", "String!", d => d.Name)
            .Field("description", "String", d => d.Description)
            .Field("isRepeatable", "Boolean!", d => d.IsRepeatable)
            .Field("locations", "[__DirectiveLocation!]!", d => d.Locations)
            .Field("args", "[__InputValue!]!", f => IncludingDeprecated(f, directive => directive.Arguments)));
    }

    internal static FieldDefinition TypeNameField(Schema schema) =>
        new("__typename", new NonNullType(Scalars.String))
        {
            Description = "The name of the object type this value has.",
            Resolver = context => new ValueTask<object?>(context.ParentType.Name),
        };

    internal static FieldDefinition SchemaField(Schema schema) =>
        new("__schema", new NonNullType(schema.GetType(SchemaTypeName)!))
        {
            Description = "Access the current type schema of this server.",
            Resolver = context => new ValueTask<object?>(context.Schema),
        };

    internal static FieldDefinition TypeField(Schema schema)
    {
        var field = new FieldDefinition("__type", schema.GetType("__Type")!)
        {
            Description = "Request the type information of a single type.",
            Resolver = context => new ValueTask<object?>(context.Schema.GetType((string)context.Arguments["name"]!)),
        };
        field.AddArgument(new InputValueDefinition("name", new NonNullType(Scalars.String)));
        return field;
    }

    /// <summary>A list field with <c>includeDeprecated: Boolean = false</c>, leaving deprecated items out unless asked for.</summary>
    private static void IncludingDeprecated<TParent, TItem>(FieldBuilder<TParent> field, Func<TParent, IReadOnlyList<TItem>?> items)
        where TItem : IDeprecatable =>
        field
            .ArgumentWithDefault("includeDeprecated", "Boolean", false)
            .Resolve(c => items(c.Parent) is { } all
                ? (c.Argument<bool>("includeDeprecated") ? all : all.Where(x => !x.IsDeprecated).ToList())
                : null);

    /// <summary>The fields every deprecatable member has: name, description, isDeprecated, deprecationReason.</summary>
    private static ObjectTypeBuilder<T> Member<T>(ObjectTypeBuilder<T> type, string description)
        where T : IDeprecatable =>
        type
            .Description(description)
            .Field("name", "String!", m => m.Name)
            .Field("description", "String", m => m.Description)
            .Field("isDeprecated", "Boolean!", m => m.IsDeprecated)
            .Field("deprecationReason", "String", m => m.DeprecationReason);

    private static TypeKind KindOf(GraphQLType type) => type switch
    {
        ScalarType => TypeKind.Scalar,
        ObjectType => TypeKind.Object,
        InterfaceType => TypeKind.Interface,
        UnionType => TypeKind.Union,
        EnumType => TypeKind.Enum,
        InputObjectType => TypeKind.InputObject,
        ListType => TypeKind.List,
        _ => TypeKind.NonNull,
    };
}
