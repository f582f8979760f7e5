using HeadlessCrm.GraphQL.Types;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.GraphQL.Tests.Validation;

/// <summary>The one schema every validation rule test runs against: pets, people, and inputs of every kind.</summary>
public static class ZooSchema
{
    public static Schema Instance { get; } = Build();

    private static Schema Build() => new SchemaBuilder()
        .Interface("Named", i => i.Field("name", "String"))
        .Interface("Pet", i => i.Implements("Named").Field("name", "String").Field("nickname", "String"))
        .Enum("Size", e => e.Value("SMALL").Value("LARGE"))
        .Enum("Command", e => e.Value("SIT").Value("HEEL").Value("DOWN"))
        .Object("Dog", t => t
            .Implements("Pet", "Named")
            .Field("barks", "Boolean")
            .Field("size", "Size")
            .Field("knowsCommand", "Boolean", f => f.Argument("command", "Command!"))
            .Field("doesKnowCommands", "Boolean", f => f.Argument("commands", "[Command!]"))
            .Field("isHouseTrained", "Boolean", f => f.ArgumentWithDefault("atOtherHomes", "Boolean", true))
            .Field("owner", "Person"))
        .Object("Cat", t => t
            .Implements("Pet", "Named")
            .Field("meows", "Boolean")
            .Field("lives", "Int")
            .Field("furColor", "String"))
        .Object("Person", t => t
            .Implements("Named")
            .Field("name", "String")
            .Field("age", "Int")
            .Field("pets", "[Pet!]")
            .Field("bestFriend", "Person"))
        .Union("CatOrDog", u => u.Types("Cat", "Dog"))
        .Union("DogOrPerson", u => u.Types("Dog", "Person"))
        .InputObject("Address", i => i.Field("street", "String!").Field("city", "String").FieldWithDefault("zip", "Int", 0).Field("next", "Address"))
        .InputObject("PetKey", i => i.OneOf().Field("id", "ID").Field("name", "String"))
        .Query(q => q
            .Field("dog", "Dog", f => f.Argument("id", "ID"))
            .Field("cat", "Cat")
            .Field("pet", "Pet")
            .Field("catOrDog", "CatOrDog")
            .Field("dogOrPerson", "DogOrPerson")
            .Field("person", "Person", f => f.Argument("id", "ID!"))
            .Field("people", "[Person]", f => f.ArgumentWithDefault("first", "Int", 10).Argument("city", "String"))
            .Field("findDog", "Dog", f => f.Argument("address", "Address"))
            .Field("petBy", "Pet", f => f.Argument("key", "PetKey!"))
            .Field("echo", "String", f => f
                .Argument("int", "Int")
                .ArgumentWithDefault("nonNullInt", "Int!", 0)
                .Argument("float", "Float")
                .Argument("string", "String")
                .Argument("bool", "Boolean")
                .Argument("id", "ID")
                .Argument("size", "Size")
                .Argument("list", "[String]")
                .Argument("nonNullList", "[String!]")
                .Argument("address", "Address")))
        .Mutation(m => m.Field("adopt", "Pet", f => f.Argument("name", "String!")))
        .Subscription(s => s.Field("newPet", "Pet").Field("newPerson", "Person"))
        .Directive(new DirectiveDefinition("onField", [DirectiveLocation.Field]))
        .Directive(new DirectiveDefinition("onQuery", [DirectiveLocation.Query]))
        .Directive(new DirectiveDefinition("onVariable", [DirectiveLocation.VariableDefinition]))
        .Directive(new DirectiveDefinition("tag", [DirectiveLocation.Field, DirectiveLocation.Query], isRepeatable: true).WithArgument("name", Scalars.String))
        .Build();
}
