namespace HeadlessCrm.GraphQL.Validation;

/// <summary>"Did you mean ...?" hints: the options closest to a misspelt name by edit distance.</summary>
public static class Suggestions
{
    public static IReadOnlyList<string> Find(string input, IEnumerable<string> options)
    {
        var threshold = (int)Math.Floor(input.Length * 0.4) + 1;
        return [.. options
            .Select(option => (option, distance: Distance(input, option)))
            .Where(x => x.distance <= threshold)
            .OrderBy(x => x.distance)
            .ThenBy(x => x.option, StringComparer.Ordinal)
            .Select(x => x.option)];
    }

    /// <summary>Formats up to five suggestions as a sentence, or nothing when there are none.</summary>
    public static string DidYouMean(IReadOnlyList<string> suggestions, string? prefix = null)
    {
        if (suggestions.Count == 0)
        {
            return string.Empty;
        }

        var quoted = suggestions.Take(5).Select(s => $"\"{s}\"").ToList();
        var list = quoted.Count switch
        {
            1 => quoted[0],
            2 => $"{quoted[0]} or {quoted[1]}",
            _ => string.Join(", ", quoted.Take(quoted.Count - 1)) + ", or " + quoted[^1],
        };
        return $" Did you mean {prefix}{list}?";
    }

    /// <summary>Case-insensitive Damerau–Levenshtein (optimal string alignment) distance; a change of case alone counts one.</summary>
    private static int Distance(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return 0;
        }

        var x = a.ToLowerInvariant();
        var y = b.ToLowerInvariant();
        if (x == y)
        {
            return 1;
        }

        var d = new int[x.Length + 1, y.Length + 1];
        for (var i = 0; i <= x.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= y.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= x.Length; i++)
        {
            for (var j = 1; j <= y.Length; j++)
            {
                var cost = x[i - 1] == y[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[x.Length, y.Length];
    }
}
