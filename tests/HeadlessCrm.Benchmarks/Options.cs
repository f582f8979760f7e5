using System.Globalization;

namespace HeadlessCrm.Benchmarks;

/// <summary><c>--name value</c> pairs; every option a command reads is looked up by name, unknown ones are refused.</summary>
public sealed class Options
{
    private readonly Dictionary<string, string> _values;
    private readonly HashSet<string> _read = [];

    private Options(Dictionary<string, string> values) => _values = values;

    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                throw new OptionException($"expected '--name value', got '{args[i]}'.");
            values[args[i][2..]] = args[i + 1];
        }
        return new Options(values);
    }

    public string? String(string name)
    {
        _read.Add(name);
        return _values.GetValueOrDefault(name);
    }

    public string Required(string name) => String(name) ?? throw new OptionException($"--{name} is required.");

    public string String(string name, string fallback) => String(name) ?? fallback;

    public double Number(string name, double fallback)
    {
        var text = String(name);
        if (text is null) return fallback;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new OptionException($"--{name} must be a non-negative number, got '{text}'.");
    }

    public int Integer(string name, int fallback) => (int)Number(name, fallback);

    /// <summary>Call after reading every option: a typo must not silently fall back to a default.</summary>
    public void RejectUnknown()
    {
        var unknown = _values.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0) throw new OptionException($"unknown option(s): {string.Join(", ", unknown.Select(u => "--" + u))}.");
    }
}

public sealed class OptionException(string message) : Exception(message);
