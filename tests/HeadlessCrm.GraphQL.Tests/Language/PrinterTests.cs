using HeadlessCrm.GraphQL.Language;

namespace HeadlessCrm.GraphQL.Tests.Language;

public class PrinterTests
{
    [Fact]
    public void An_executable_document_prints_in_canonical_layout()
    {
        var printed = Printer.Print(Parser.Parse(
            "query Q($a:Int=1 @x,$b:[String!]!){alias:f(a:$a,o:{k:[1,2.5,\"s\\n\",true,null,ENUM]})@skip(if:false){...F ... on T{g} ...@include(if:true){h}}} fragment F on T{i}"));
        Assert.Equal(
            """
            query Q($a: Int = 1 @x, $b: [String!]!) {
              alias: f(a: $a, o: {k: [1, 2.5, "s\n", true, null, ENUM]}) @skip(if: false) {
                ...F
                ... on T {
                  g
                }
                ... @include(if: true) {
                  h
                }
              }
            }

            fragment F on T {
              i
            }
            """,
            printed);
    }

    [Fact]
    public void An_anonymous_query_prints_as_shorthand()
    {
        Assert.Equal("{\n  a\n}", Printer.Print(Parser.Parse("query { a }")));
    }

    [Fact]
    public void A_type_system_document_round_trips_through_the_printer()
    {
        const string sdl = """
            "Schema"
            schema {
              query: Query
            }

            "A deal"
            type Deal implements Node & Named @key {
              id: ID!
              "Its contacts"
              contacts(first: Int = 10, after: String): [Contact!]! @deprecated(reason: "use people")
            }

            union Result = Deal | Contact

            enum Stage {
              OPEN
              "Closed and won"
              WON
            }

            input Filter @oneOf {
              stage: Stage = OPEN
            }

            extend type Deal {
              extra: Int
            }

            directive @auth(scope: String!) repeatable on FIELD_DEFINITION | OBJECT
            """;
        Assert.Equal(sdl, Printer.Print(Parser.Parse(sdl)));
    }

    [Fact]
    public void Block_strings_print_back_to_the_same_value()
    {
        var value = "First line\n  indented \"\"\" quotes\nlast";
        var printed = BlockString.Print(value);
        var reparsed = (HeadlessCrm.GraphQL.Language.Ast.StringValueNode)Parser.ParseValue(printed);
        Assert.Equal(value, reparsed.Value);
    }
}
