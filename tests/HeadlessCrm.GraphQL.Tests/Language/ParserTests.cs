using HeadlessCrm.GraphQL.Language;
using HeadlessCrm.GraphQL.Language.Ast;

namespace HeadlessCrm.GraphQL.Tests.Language;

public class ParserTests
{
    private static GraphQLSyntaxException Fails(string source, ParserOptions? options = null) =>
        Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(source, options));

    [Fact]
    public void A_query_with_variables_fragments_and_directives_is_parsed()
    {
        var document = Parser.Parse("""
            query Deals($first: Int = 10, $stage: [ID!]! @deprecated) @live {
              alias: deals(first: $first, filter: {stage: $stage, open: true}) {
                ...DealFields
                ... on Deal @include(if: true) { amount }
                ... { id }
              }
            }
            fragment DealFields on Deal { name }
            """);
        var operation = Assert.IsType<OperationDefinitionNode>(document.Definitions[0]);
        Assert.Equal(OperationType.Query, operation.Operation);
        Assert.Equal("Deals", operation.Name!.Value);
        Assert.Equal(2, operation.VariableDefinitions.Count);
        Assert.IsType<IntValueNode>(operation.VariableDefinitions[0].DefaultValue);
        Assert.IsType<NonNullTypeNode>(operation.VariableDefinitions[1].Type);
        var field = Assert.IsType<FieldNode>(operation.SelectionSet.Selections[0]);
        Assert.Equal("alias", field.ResponseKey);
        Assert.Equal("deals", field.Name.Value);
        Assert.IsType<ObjectValueNode>(field.Arguments[1].Value);
        Assert.IsType<FragmentSpreadNode>(field.SelectionSet!.Selections[0]);
        Assert.Equal("Deal", Assert.IsType<InlineFragmentNode>(field.SelectionSet.Selections[1]).TypeCondition!.Name.Value);
        Assert.Null(Assert.IsType<InlineFragmentNode>(field.SelectionSet.Selections[2]).TypeCondition);
        Assert.IsType<FragmentDefinitionNode>(document.Definitions[1]);
    }

    [Fact]
    public void Node_locations_point_at_their_first_token()
    {
        var document = Parser.Parse("{\n  a\n  b { c }\n}");
        var selections = ((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections;
        Assert.Equal(new Location(8, 15, 3, 3), selections[1].Location);
    }

    [Fact]
    public void Descriptions_on_operations_fragments_and_variables_are_parsed()
    {
        var document = Parser.Parse("""
            "Lists deals"
            query Q("how many" $n: Int) { a }
            \"\"\"Shared fields\"\"\"
            fragment F on T { a }
            """.Replace("\\\"", "\"", StringComparison.Ordinal));
        var operation = (OperationDefinitionNode)document.Definitions[0];
        Assert.Equal("Lists deals", operation.Description!.Value);
        Assert.Equal("how many", operation.VariableDefinitions[0].Description!.Value);
        Assert.Equal("Shared fields", ((FragmentDefinitionNode)document.Definitions[1]).Description!.Value);
    }

    [Fact]
    public void The_whole_type_system_grammar_is_parsed()
    {
        var document = Parser.Parse("""
            "The schema"
            schema @a { query: Query mutation: Mutation }
            extend schema @b
            scalar DateTime @specifiedBy(url: "https://example.com")
            extend scalar DateTime @c
            interface Node { id: ID! }
            interface Named implements Node & Entity { id: ID! name: String }
            type Deal implements & Node @key(fields: "id") {
              "The id" id: ID!
              contacts(first: Int = 10 @d, "after this" after: String): [Contact!]! @deprecated(reason: "no")
            }
            extend type Deal { extra: Int }
            extend interface Node @e
            union Result = | Deal | Contact
            extend union Result = Company
            enum Stage { OPEN "won" WON @deprecated LOST }
            extend enum Stage { ARCHIVED }
            input DealFilter @oneOf { stage: Stage = OPEN, ids: [ID!] = ["1"] }
            extend input DealFilter { name: String }
            directive @auth(scope: String!) repeatable on FIELD_DEFINITION | OBJECT
            """);
        Assert.Equal(16, document.Definitions.Count);
        var deal = Assert.IsType<ObjectTypeDefinitionNode>(document.Definitions[6]);
        Assert.Equal("Node", deal.Interfaces.Single().Name.Value);
        Assert.Equal("after this", deal.Fields[1].Arguments[1].Description!.Value);
        var directive = Assert.IsType<DirectiveDefinitionNode>(document.Definitions[15]);
        Assert.True(directive.IsRepeatable);
        Assert.Equal(["FIELD_DEFINITION", "OBJECT"], directive.Locations.Select(l => l.Value));
    }

    [Theory]
    [InlineData("{", "Syntax Error: Expected Name, found <EOF>.", 1, 2)]
    [InlineData("{ a(b: ) }", "Syntax Error: Unexpected \")\".", 1, 8)]
    [InlineData("query { a }\nfoo", "Syntax Error: Unexpected Name \"foo\".", 2, 1)]
    [InlineData("fragment on on T { a }", "Syntax Error: Unexpected Name \"on\".", 1, 10)]
    [InlineData("fragment F T { a }", "Syntax Error: Expected \"on\", found Name \"T\".", 1, 12)]
    [InlineData("query Q($a: Int = $b) { a }", "Syntax Error: Unexpected variable \"$b\" in constant value.", 1, 19)]
    [InlineData("{ ...on }", "Syntax Error: Expected Name, found \"}\".", 1, 9)]
    [InlineData("\"desc\" { a }", "Syntax Error: Unexpected description, descriptions are not supported on shorthand queries.", 1, 1)]
    [InlineData("directive @d on NOWHERE", "Syntax Error: Unexpected Name \"NOWHERE\".", 1, 17)]
    [InlineData("extend type T", "Syntax Error: Unexpected <EOF>.", 1, 14)]
    [InlineData("enum E { true }", "Syntax Error: true is reserved and cannot be used for an enum value.", 1, 10)]
    [InlineData("{ a }}", "Syntax Error: Unexpected \"}\".", 1, 6)]
    [InlineData("", "Syntax Error: Unexpected <EOF>.", 1, 1)]
    public void Syntax_errors_carry_message_line_and_column(string source, string message, int line, int column)
    {
        var error = Fails(source);
        Assert.Equal(message, error.Message);
        Assert.Equal(new SourceLocation(line, column), error.Location);
    }

    [Fact]
    public void A_document_with_too_many_tokens_fails_fast()
    {
        var error = Fails("{ " + string.Concat(Enumerable.Repeat("a ", 100)) + "}", new ParserOptions { MaxTokens = 50 });
        Assert.Equal("Syntax Error: Document contains more than 50 tokens; parsing stopped.", error.Message);
        Assert.Equal(new SourceLocation(1, 101), error.Location);
    }

    [Fact]
    public void A_deeply_nested_document_fails_fast()
    {
        var source = string.Concat(Enumerable.Repeat("{ a ", 10_000)) + string.Concat(Enumerable.Repeat("}", 10_000));
        var error = Fails(source, new ParserOptions { MaxDepth = 20, MaxTokens = int.MaxValue });
        Assert.Equal("Syntax Error: Document nests deeper than 20 levels; parsing stopped.", error.Message);
    }

    [Fact]
    public void Deeply_nested_list_values_are_limited_too()
    {
        var source = "{ a(b: " + new string('[', 100) + new string(']', 100) + ") }";
        Assert.Contains("nests deeper than 64", Fails(source).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_and_a_type_can_be_parsed_alone()
    {
        Assert.IsType<ListValueNode>(Parser.ParseValue("[1, \"two\", {three: THREE}]"));
        Assert.Equal("[String!]!", Printer.Print(Parser.ParseType("[ String! ]!")));
    }
}
