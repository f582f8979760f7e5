using System.Globalization;
using System.Text;

namespace HeadlessCrm.GraphQL.Language;

/// <summary>
/// Turns source text into tokens (spec §2.1), skipping ignored tokens: the byte-order mark, white space,
/// line terminators, commas and comments. Lines and columns are 1-based; columns count UTF-16 code units.
/// </summary>
public sealed class Lexer(string source, int maxTokens = int.MaxValue)
{
    private readonly string _source = source;
    private int _position;
    private int _line = 1;
    private int _lineStart;
    private int _tokenCount;

    /// <summary>Reads the next significant token; at the end it keeps returning <see cref="TokenKind.EndOfFile"/>.</summary>
    public Token Next()
    {
        SkipIgnored();
        var start = _position;
        var column = start - _lineStart + 1;
        if (start >= _source.Length)
        {
            return new Token(TokenKind.EndOfFile, start, start, _line, column, null);
        }

        if (++_tokenCount > maxTokens)
        {
            throw new GraphQLSyntaxException(
                $"Document contains more than {maxTokens} tokens; parsing stopped.", new SourceLocation(_line, column));
        }

        var c = _source[start];
        var punctuator = c switch
        {
            '!' => TokenKind.Bang,
            '$' => TokenKind.Dollar,
            '&' => TokenKind.Ampersand,
            '(' => TokenKind.ParenLeft,
            ')' => TokenKind.ParenRight,
            ':' => TokenKind.Colon,
            '=' => TokenKind.Equals,
            '@' => TokenKind.At,
            '[' => TokenKind.BracketLeft,
            ']' => TokenKind.BracketRight,
            '{' => TokenKind.BraceLeft,
            '|' => TokenKind.Pipe,
            '}' => TokenKind.BraceRight,
            _ => TokenKind.StartOfFile,
        };
        if (punctuator != TokenKind.StartOfFile)
        {
            _position++;
            return new Token(punctuator, start, _position, _line, column, null);
        }

        if (c == '.')
        {
            if (Peek(1) == '.' && Peek(2) == '.')
            {
                _position += 3;
                return new Token(TokenKind.Spread, start, _position, _line, column, null);
            }

            throw Error("Unexpected character: \".\".", start);
        }

        if (IsNameStart(c))
        {
            return ReadName(start, column);
        }

        if (c == '-' || char.IsAsciiDigit(c))
        {
            return ReadNumber(start, column);
        }

        if (c == '"')
        {
            return Peek(1) == '"' && Peek(2) == '"' ? ReadBlockString(start, column) : ReadString(start, column);
        }

        throw Error($"Unexpected character: {DescribeChar(start)}.", start);
    }

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsNameContinue(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private char Peek(int offset) => _position + offset < _source.Length ? _source[_position + offset] : '\0';

    private void SkipIgnored()
    {
        while (_position < _source.Length)
        {
            switch (_source[_position])
            {
                case '\uFEFF' or ' ' or '\t' or ',':
                    _position++;
                    break;
                case '\n':
                    NewLine(_position + 1);
                    break;
                case '\r':
                    NewLine(Peek(1) == '\n' ? _position + 2 : _position + 1);
                    break;
                case '#':
                    while (_position < _source.Length && _source[_position] is not ('\n' or '\r'))
                    {
                        _position++;
                    }

                    break;
                default:
                    return;
            }
        }
    }

    private void NewLine(int next)
    {
        _position = next;
        _line++;
        _lineStart = next;
    }

    private Token ReadName(int start, int column)
    {
        _position++;
        while (_position < _source.Length && IsNameContinue(_source[_position]))
        {
            _position++;
        }

        return new Token(TokenKind.Name, start, _position, _line, column, _source[start.._position]);
    }

    private Token ReadNumber(int start, int column)
    {
        var isFloat = false;
        if (_source[_position] == '-')
        {
            _position++;
        }

        if (Peek(0) == '0')
        {
            _position++;
            if (char.IsAsciiDigit(Peek(0)))
            {
                throw Error($"Invalid number, unexpected digit after 0: {DescribeChar(_position)}.", _position);
            }
        }
        else
        {
            ReadDigits();
        }

        if (Peek(0) == '.')
        {
            isFloat = true;
            _position++;
            ReadDigits();
        }

        if (Peek(0) is 'e' or 'E')
        {
            isFloat = true;
            _position++;
            if (Peek(0) is '+' or '-')
            {
                _position++;
            }

            ReadDigits();
        }

        // A number directly followed by a name start or a dot is a typo, not two tokens (spec §2.1.9 lookahead).
        if (Peek(0) == '.' || IsNameStart(Peek(0)))
        {
            throw Error($"Invalid number, expected digit but got: {DescribeChar(_position)}.", _position);
        }

        return new Token(isFloat ? TokenKind.Float : TokenKind.Int, start, _position, _line, column, _source[start.._position]);
    }

    private void ReadDigits()
    {
        if (!char.IsAsciiDigit(Peek(0)))
        {
            throw Error($"Invalid number, expected digit but got: {DescribeChar(_position)}.", _position);
        }

        while (char.IsAsciiDigit(Peek(0)))
        {
            _position++;
        }
    }

    private Token ReadString(int start, int column)
    {
        _position++;
        var value = new StringBuilder();
        var chunkStart = _position;
        while (_position < _source.Length)
        {
            var c = _source[_position];
            if (c == '"')
            {
                value.Append(_source, chunkStart, _position - chunkStart);
                _position++;
                return new Token(TokenKind.String, start, _position, _line, column, value.ToString());
            }

            if (c is '\n' or '\r')
            {
                break;
            }

            if (c == '\\')
            {
                value.Append(_source, chunkStart, _position - chunkStart);
                ReadEscape(value);
                chunkStart = _position;
                continue;
            }

            RejectControlCharacter(c);
            _position += char.IsHighSurrogate(c) && char.IsLowSurrogate(Peek(1)) ? 2 : 1;
        }

        throw Error("Unterminated string.", _position);
    }

    private void RejectControlCharacter(char c)
    {
        if (c < 0x20 && c != '\t')
        {
            throw Error($"Invalid character within String: {DescribeChar(_position)}.", _position);
        }
    }

    private void ReadEscape(StringBuilder value)
    {
        var escapeStart = _position;
        var next = Peek(1);
        _position += 2;
        switch (next)
        {
            case '"': value.Append('"'); return;
            case '\\': value.Append('\\'); return;
            case '/': value.Append('/'); return;
            case 'b': value.Append('\b'); return;
            case 'f': value.Append('\f'); return;
            case 'n': value.Append('\n'); return;
            case 'r': value.Append('\r'); return;
            case 't': value.Append('\t'); return;
            case 'u':
                AppendUnicodeEscape(value, escapeStart);
                return;
            default:
                throw Error($"Invalid character escape sequence: \"{_source.Substring(escapeStart, Math.Min(2, _source.Length - escapeStart))}\".", escapeStart);
        }
    }

    private void AppendUnicodeEscape(StringBuilder value, int escapeStart)
    {
        var codePoint = ReadEscapedCodePoint(escapeStart);
        if (char.IsHighSurrogate((char)codePoint) && codePoint <= 0xFFFF && Peek(0) == '\\' && Peek(1) == 'u')
        {
            // A surrogate pair written as two fixed-width escapes (spec §2.9.4, StringCharacter).
            var saved = _position;
            _position += 2;
            var low = ReadEscapedCodePoint(saved);
            if (low <= 0xFFFF && char.IsLowSurrogate((char)low))
            {
                value.Append((char)codePoint).Append((char)low);
                return;
            }

            throw InvalidEscape(escapeStart);
        }

        if (codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
        {
            throw InvalidEscape(escapeStart);
        }

        value.Append(char.ConvertFromUtf32(codePoint));
    }

    private int ReadEscapedCodePoint(int escapeStart)
    {
        if (Peek(0) == '{')
        {
            var close = _source.IndexOf('}', _position);
            if (close < 0 || close - _position - 1 is < 1 or > 6
                || !int.TryParse(_source.AsSpan(_position + 1, close - _position - 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var variable))
            {
                throw InvalidEscape(escapeStart);
            }

            _position = close + 1;
            return variable;
        }

        if (_position + 4 > _source.Length
            || !int.TryParse(_source.AsSpan(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var fixedWidth))
        {
            throw InvalidEscape(escapeStart);
        }

        _position += 4;
        return fixedWidth;
    }

    private GraphQLSyntaxException InvalidEscape(int escapeStart)
    {
        var end = Math.Min(_source.Length, Math.Max(_position, escapeStart + 6));
        var text = _source[escapeStart..end];
        var lineBreak = text.IndexOfAny(['\n', '\r', '"']);
        return Error($"Invalid Unicode escape sequence: \"{(lineBreak < 0 ? text : text[..lineBreak])}\".", escapeStart);
    }

    private Token ReadBlockString(int start, int column)
    {
        var startLine = _line;
        _position += 3;
        var raw = new StringBuilder();
        var chunkStart = _position;
        while (_position < _source.Length)
        {
            var c = _source[_position];
            if (c == '"' && Peek(1) == '"' && Peek(2) == '"')
            {
                raw.Append(_source, chunkStart, _position - chunkStart);
                _position += 3;
                return new Token(TokenKind.BlockString, start, _position, startLine, column, BlockString.Dedent(raw.ToString()));
            }

            if (c == '\\' && Peek(1) == '"' && Peek(2) == '"' && Peek(3) == '"')
            {
                raw.Append(_source, chunkStart, _position - chunkStart).Append("\"\"\"");
                _position += 4;
                chunkStart = _position;
                continue;
            }

            if (c is '\n' or '\r')
            {
                var next = c == '\r' && Peek(1) == '\n' ? _position + 2 : _position + 1;
                _line++;
                _lineStart = next;
                _position = next;
                continue;
            }

            if (c < 0x20 && c != '\t')
            {
                throw Error($"Invalid character within String: {DescribeChar(_position)}.", _position);
            }

            _position++;
        }

        throw Error("Unterminated string.", _position);
    }

    private string DescribeChar(int index)
    {
        if (index >= _source.Length)
        {
            return "<EOF>";
        }

        var c = _source[index];
        if (c < 0x20 || c == 0x7F)
        {
            return $"U+{(int)c:X4}";
        }

        return c == '"' ? "'\"'" : $"\"{(char.IsHighSurrogate(c) && index + 1 < _source.Length ? _source.Substring(index, 2) : c.ToString())}\"";
    }

    private GraphQLSyntaxException Error(string description, int index) =>
        new(description, new SourceLocation(_line, index - _lineStart + 1));
}
