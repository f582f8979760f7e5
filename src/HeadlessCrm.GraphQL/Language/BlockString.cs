using System.Text;

namespace HeadlessCrm.GraphQL.Language;

/// <summary>The block string algorithms of the spec: BlockStringValue (§2.9.4) and its inverse for printing.</summary>
public static class BlockString
{
    /// <summary>Removes the common indentation and the leading and trailing blank lines of a raw block string.</summary>
    public static string Dedent(string raw)
    {
        var lines = raw.ReplaceLineEndings("\n").Split('\n');
        int? commonIndent = null;
        for (var i = 1; i < lines.Length; i++)
        {
            var indent = LeadingWhiteSpace(lines[i]);
            if (indent < lines[i].Length && (commonIndent is null || indent < commonIndent))
            {
                commonIndent = indent;
            }
        }

        if (commonIndent is { } common)
        {
            for (var i = 1; i < lines.Length; i++)
            {
                lines[i] = lines[i].Length >= common ? lines[i][common..] : string.Empty;
            }
        }

        var first = 0;
        var last = lines.Length - 1;
        while (first <= last && IsBlank(lines[first]))
        {
            first++;
        }

        while (last >= first && IsBlank(lines[last]))
        {
            last--;
        }

        return first > last ? string.Empty : string.Join('\n', lines, first, last - first + 1);
    }

    /// <summary>Writes a value as a block string literal that reads back to the same value.</summary>
    public static string Print(string value, string indentation = "")
    {
        var escaped = value.Replace("\"\"\"", "\\\"\"\"", StringComparison.Ordinal);
        var lines = escaped.Split('\n');
        var builder = new StringBuilder("\"\"\"");
        var singleLine = lines.Length == 1 && !value.StartsWith(' ') && !value.StartsWith('\t')
            && !value.EndsWith('"') && !value.EndsWith('\\');
        if (singleLine)
        {
            return builder.Append(escaped).Append("\"\"\"").ToString();
        }

        builder.Append('\n');
        foreach (var line in lines)
        {
            builder.Append(line.Length == 0 ? string.Empty : indentation).Append(line).Append('\n');
        }

        return builder.Append(indentation).Append("\"\"\"").ToString();
    }

    private static int LeadingWhiteSpace(string line)
    {
        var i = 0;
        while (i < line.Length && line[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }

    private static bool IsBlank(string line) => LeadingWhiteSpace(line) == line.Length;
}
