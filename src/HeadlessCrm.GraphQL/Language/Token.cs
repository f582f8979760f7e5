namespace HeadlessCrm.GraphQL.Language;

/// <summary>One lexical token: its kind, its span, where it starts, and its value for names, numbers and strings.</summary>
public readonly record struct Token(TokenKind Kind, int Start, int End, int Line, int Column, string? Value)
{
    /// <summary>How error messages name the token, e.g. <c>Name "foo"</c> or <c>"{"</c>.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.EndOfFile => "<EOF>",
        TokenKind.Name or TokenKind.Int or TokenKind.Float => $"{KindName(Kind)} \"{Value}\"",
        TokenKind.String or TokenKind.BlockString => KindName(Kind),
        _ => KindName(Kind),
    };

    public static string KindName(TokenKind kind) => kind switch
    {
        TokenKind.StartOfFile => "<SOF>",
        TokenKind.EndOfFile => "<EOF>",
        TokenKind.Bang => "\"!\"",
        TokenKind.Dollar => "\"$\"",
        TokenKind.Ampersand => "\"&\"",
        TokenKind.ParenLeft => "\"(\"",
        TokenKind.ParenRight => "\")\"",
        TokenKind.Spread => "\"...\"",
        TokenKind.Colon => "\":\"",
        TokenKind.Equals => "\"=\"",
        TokenKind.At => "\"@\"",
        TokenKind.BracketLeft => "\"[\"",
        TokenKind.BracketRight => "\"]\"",
        TokenKind.BraceLeft => "\"{\"",
        TokenKind.Pipe => "\"|\"",
        TokenKind.BraceRight => "\"}\"",
        TokenKind.Name => "Name",
        TokenKind.Int => "Int",
        TokenKind.Float => "Float",
        TokenKind.String => "String",
        TokenKind.BlockString => "BlockString",
        _ => kind.ToString(),
    };
}
