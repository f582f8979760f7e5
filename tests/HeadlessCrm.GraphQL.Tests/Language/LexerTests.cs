using HeadlessCrm.GraphQL.Language;

namespace HeadlessCrm.GraphQL.Tests.Language;

public class LexerTests
{
    private static Token Single(string source)
    {
        var lexer = new Lexer(source);
        var token = lexer.Next();
        Assert.Equal(TokenKind.EndOfFile, lexer.Next().Kind);
        return token;
    }

    private static GraphQLSyntaxException Fails(string source)
    {
        var lexer = new Lexer(source);
        return Assert.Throws<GraphQLSyntaxException>(() =>
        {
            while (lexer.Next().Kind != TokenKind.EndOfFile)
            {
            }
        });
    }

    [Fact]
    public void Ignored_tokens_are_skipped_and_lines_are_counted()
    {
        var token = Single("\uFEFF ,, # comment\r\n\t\n  name");
        Assert.Equal(TokenKind.Name, token.Kind);
        Assert.Equal("name", token.Value);
        Assert.Equal((3, 3), (token.Line, token.Column));
    }

    [Theory]
    [InlineData("0", TokenKind.Int)]
    [InlineData("-12", TokenKind.Int)]
    [InlineData("1.5", TokenKind.Float)]
    [InlineData("-0.5e10", TokenKind.Float)]
    [InlineData("6E-3", TokenKind.Float)]
    public void Numbers_are_read_as_written(string source, TokenKind kind)
    {
        var token = Single(source);
        Assert.Equal(kind, token.Kind);
        Assert.Equal(source, token.Value);
    }

    [Theory]
    [InlineData("01", "Syntax Error: Invalid number, unexpected digit after 0: \"1\".", 2)]
    [InlineData("1.", "Syntax Error: Invalid number, expected digit but got: <EOF>.", 3)]
    [InlineData("1.5e", "Syntax Error: Invalid number, expected digit but got: <EOF>.", 5)]
    [InlineData("12abc", "Syntax Error: Invalid number, expected digit but got: \"a\".", 3)]
    [InlineData("1.2.3", "Syntax Error: Invalid number, expected digit but got: \".\".", 4)]
    public void Malformed_numbers_fail_at_the_offending_character(string source, string message, int column)
    {
        var error = Fails(source);
        Assert.Equal(message, error.Message);
        Assert.Equal(new SourceLocation(1, column), error.Location);
    }

    [Theory]
    [InlineData("\"simple\"", "simple")]
    [InlineData("\"quote \\\" slash \\\\ \\/ \\b\\f\\n\\r\\t\"", "quote \" slash \\ / \b\f\n\r\t")]
    [InlineData("\"\\u00e9\"", "é")]
    [InlineData("\"\\u{1F600}\"", "😀")]
    [InlineData("\"\\uD83D\\uDE00\"", "😀")]
    [InlineData("\"😀 literal\"", "😀 literal")]
    public void Strings_are_unescaped(string source, string expected)
    {
        var token = Single(source);
        Assert.Equal(TokenKind.String, token.Kind);
        Assert.Equal(expected, token.Value);
    }

    [Theory]
    [InlineData("\"open", "Syntax Error: Unterminated string.")]
    [InlineData("\"line\nbreak\"", "Syntax Error: Unterminated string.")]
    [InlineData("\"bad \\x\"", "Syntax Error: Invalid character escape sequence: \"\\x\".")]
    [InlineData("\"\\uD83D\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uD83D\".")]
    [InlineData("\"\\u{110000}\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{110000}\".")]
    [InlineData("\"bell \u0007\"", "Syntax Error: Invalid character within String: U+0007.")]
    public void Bad_strings_are_rejected(string source, string message) =>
        Assert.Equal(message, Fails(source).Message);

    [Fact]
    public void Block_strings_lose_common_indentation_and_blank_edges()
    {
        var token = Single("\"\"\"\n    Hello,\n      World!\n\n    Yours,\n      GraphQL.\n  \"\"\"");
        Assert.Equal(TokenKind.BlockString, token.Kind);
        Assert.Equal("Hello,\n  World!\n\nYours,\n  GraphQL.", token.Value);
    }

    [Fact]
    public void Block_strings_keep_escaped_triple_quotes_and_raw_backslashes()
    {
        Assert.Equal("say \"\"\" and \\n", Single("\"\"\"say \\\"\"\" and \\n\"\"\"").Value);
    }

    [Fact]
    public void Tokens_after_a_block_string_know_their_line()
    {
        var lexer = new Lexer("\"\"\"a\nb\nc\"\"\" next");
        lexer.Next();
        var next = lexer.Next();
        Assert.Equal((3, 6), (next.Line, next.Column));
    }

    [Theory]
    [InlineData("?", "Syntax Error: Unexpected character: \"?\".")]
    [InlineData("..", "Syntax Error: Unexpected character: \".\".")]
    [InlineData("\u0007", "Syntax Error: Unexpected character: U+0007.")]
    public void Unknown_characters_are_rejected(string source, string message) =>
        Assert.Equal(message, Fails(source).Message);

    [Fact]
    public void Punctuators_are_recognised()
    {
        var lexer = new Lexer("! $ & ( ) ... : = @ [ ] { | }");
        var kinds = new List<TokenKind>();
        for (var token = lexer.Next(); token.Kind != TokenKind.EndOfFile; token = lexer.Next())
        {
            kinds.Add(token.Kind);
        }

        Assert.Equal(14, kinds.Count);
        Assert.Equal(TokenKind.Spread, kinds[5]);
    }
}
