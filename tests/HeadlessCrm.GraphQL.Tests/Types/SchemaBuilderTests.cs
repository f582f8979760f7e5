using HeadlessCrm.GraphQL.Tests.Execution;
using HeadlessCrm.GraphQL.Types;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.GraphQL.Tests.Types;

public class SchemaBuilderTests
{
    private static SchemaValidationException Invalid(Func<SchemaBuilder, SchemaBuilder> configure) =>
        Assert.Throws<SchemaValidationException>(() => configure(new SchemaBuilder().Query(q => q.Field("ok", "Int"))).Build());

    [Fact]
    public void Clr_enum_members_become_constant_case_values()
    {
        var schema = new Library().Schema;
        var genre = Assert.IsType<EnumType>(schema.GetType("Genre"));
        Assert.Equal(["SCIENCE_FICTION", "POETRY"], genre.Values.Select(v => v.Name));
        Assert.Equal("Say SF", genre.GetValue("SCIENCE_FICTION")!.DeprecationReason);
    }

    [Fact]
    public void Unknown_type_references_are_reported_with_their_owner()
    {
        var error = Invalid(b => b.Object("Thing", t => t.Field("other", "[Missing!]")));
        Assert.Equal(["Unknown type \"[Missing!]\" referenced by field \"Thing.other\"."], error.Errors);
    }

    [Fact]
    public void Interface_implementations_must_be_valid()
    {
        var error = Invalid(b => b
            .Interface("Node", i => i.Field("id", "ID!", f => f.Argument("format", "String")))
            .Interface("Entity", i => i.Implements("Node").Field("id", "ID!", f => f.Argument("format", "String")))
            .Object("Thing", t => t.Implements("Entity").Field("id", "String", f => f.Argument("format", "Int").Argument("strict", "Boolean!"))));
        Assert.Equal(
            [
                "Type Thing must implement Node because it is implemented by Entity.",
                "Interface field Entity.id expects type ID! but Thing.id is type String.",
                "Interface field argument Entity.id(format:) expects type String but Thing.id(format:) is type Int.",
                "Object field Thing.id includes required argument strict that is missing from the Interface field Entity.id.",
            ],
            error.Errors);
    }

    [Fact]
    public void Type_kinds_and_input_rules_are_checked()
    {
        var error = Invalid(b => b
            .Object("__Bad", t => t.Field("x", "Int"))
            .Object("Out", t => t.Field("x", "Int", f => f.Argument("a", "Out")))
            .InputObject("In", i => i.Field("self", "In!").Field("out", "Out"))
            .InputObject("Choice", i => i.OneOf().Field("a", "Int!").FieldWithDefault("b", "Int", 3))
            .Union("Empty", _ => { })
            .Enum("Nothing", _ => { }));
        Assert.Equal(
            [
                "The type of Out.x(a:) must be Input Type but got: Out.",
                "The type of In.out must be Input Type but got: Out.",
                "Cannot reference Input Object \"In\" within itself through a series of non-null fields: \"self\".",
                "OneOf input field Choice.a must be nullable.",
                "OneOf input field Choice.b cannot have a default value.",
                "Union type Empty must define one or more member types.",
                "Enum type Nothing must define one or more values.",
            ],
            error.Errors);
    }

    [Fact]
    public void A_type_name_may_not_be_used_for_two_kinds()
    {
        Assert.Throws<ArgumentException>(() => new SchemaBuilder().Object("A", t => t.Field("x", "Int")).Enum("A", e => e.Value("X")));
    }

    [Fact]
    public async Task Global_middleware_wraps_only_the_fields_it_selects()
    {
        var seen = new List<string>();
        var schema = new SchemaBuilder()
            .UseFieldMiddleware((context, next) =>
            {
                seen.Add($"{context.ParentType.Name}.{context.Field.Name}:{context.Field.Metadata["scope"]}");
                return next(context);
            }, field => field.Metadata.ContainsKey("scope"))
            .Query(q => q.Field("open", "Int", _ => 1).Field("secret", "Int", f => f.Metadata("scope", "crm.read").Resolve(_ => 2)))
            .Build();
        var json = await Library.RunAsync(schema, "{ open secret __typename }");
        Assert.Equal("""{"data":{"open":1,"secret":2,"__typename":"Query"}}""", json);
        Assert.Equal(["Query.secret:crm.read"], seen);
    }
}
