using HeadlessCrm.GraphQL.Tests.Execution;
using HeadlessCrm.GraphQL.Types;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.GraphQL.Tests.Types;

public class SchemaPrinterTests
{
    [Fact]
    public void The_SDL_lists_types_by_name_with_descriptions_defaults_and_deprecations()
    {
        var schema = new SchemaBuilder()
            .Description("Demo")
            .Enum("Color", e => e.Value("RED", description: "Warm").Value("BLUE", deprecationReason: "Use RED"))
            .InputObject("Filter", i => i.OneOf().Field("color", "Color").Field("ids", "[ID!]"))
            .Directive(new DirectiveDefinition("auth", [DirectiveLocation.FieldDefinition], "Needs a scope", isRepeatable: true).WithArgument("scope", new NonNullType(Scalars.String)))
            .Query(q => q
                .Description("Entry points")
                .Field("paint", "[Color!]!", f => f
                    .Description("Paints things")
                    .ArgumentWithDefault("color", "Color", "BLUE")
                    .ArgumentWithDefault("times", "Int", 2, "How often")
                    .Argument("at", "DateTime")
                    .Resolve(_ => Array.Empty<string>()))
                .Field("old", "String", f => f.Deprecated()))
            .Build();
        Assert.Equal(
            """"
            """Demo"""
            schema {
              query: Query
            }

            """Needs a scope"""
            directive @auth(scope: String!) repeatable on FIELD_DEFINITION

            enum Color {
              """Warm"""
              RED
              BLUE @deprecated(reason: "Use RED")
            }

            """An instant in time as an RFC 3339 date-time string with a time-zone offset; returned in UTC, e.g. `2026-01-31T09:30:00Z`."""
            scalar DateTime @specifiedBy(url: "https://scalars.graphql.org/andimarek/date-time")

            input Filter @oneOf {
              color: Color
              ids: [ID!]
            }

            """Entry points"""
            type Query {
              """Paints things"""
              paint(
                color: Color = BLUE
                """How often"""
                times: Int = 2
                at: DateTime
              ): [Color!]!
              old: String @deprecated
            }

            """",
            SchemaPrinter.Print(schema));
    }

    [Fact]
    public void The_library_schema_prints_interfaces_unions_and_input_defaults()
    {
        var sdl = SchemaPrinter.Print(new Library().Schema);
        Assert.Contains("type Book implements Node {", sdl, StringComparison.Ordinal);
        Assert.Contains("union SearchResult = Book | Author", sdl, StringComparison.Ordinal);
        Assert.Contains("  genre: Genre = POETRY", sdl, StringComparison.Ordinal);
        Assert.Contains("  reviews(minStars: Int = 0): [Review!]!", sdl, StringComparison.Ordinal);
        Assert.DoesNotContain("__Schema", sdl, StringComparison.Ordinal);
    }
}
