namespace HeadlessCrm.Api.Features.Inbound;

/// <summary>
/// Phone numbers to E.164 (+ country code + national number, digits only). Numbers written internationally
/// (+44 20…, 0044 20…) need no help; national ones (020 …, (555) 010-…) take the country of a default region and lose
/// its trunk prefix. A small table of regions, not a numbering plan: lengths are checked only against E.164's bounds.
/// </summary>
public static class PhoneNumbers
{
    private sealed record Region(string CallingCode, string TrunkPrefix, string InternationalPrefix);

    private static readonly Dictionary<string, Region> Regions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["US"] = new("1", "1", "011"), ["CA"] = new("1", "1", "011"),
        ["GB"] = new("44", "0", "00"), ["IE"] = new("353", "0", "00"),
        ["DE"] = new("49", "0", "00"), ["AT"] = new("43", "0", "00"), ["CH"] = new("41", "0", "00"),
        ["FR"] = new("33", "0", "00"), ["BE"] = new("32", "0", "00"), ["NL"] = new("31", "0", "00"),
        ["ES"] = new("34", "", "00"), ["IT"] = new("39", "", "00"), ["PT"] = new("351", "", "00"),
        ["SE"] = new("46", "0", "00"), ["NO"] = new("47", "", "00"), ["DK"] = new("45", "", "00"), ["PL"] = new("48", "", "00"),
        ["AU"] = new("61", "0", "0011"), ["NZ"] = new("64", "0", "00"), ["IN"] = new("91", "0", "00"),
        ["JP"] = new("81", "0", "010"), ["BR"] = new("55", "0", "00"),
    };

    public static IEnumerable<string> KnownRegions => Regions.Keys;

    public static bool IsKnownRegion(string region) => Regions.ContainsKey(region);

    /// <summary>The number in E.164, or null if it is not a phone number (letters, too short or too long).</summary>
    public static string? ToE164(string? raw, string defaultRegion)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var text = WithoutExtension(raw.Trim());
        // "+49 (0)30 …": the bracketed trunk prefix is dialled only from inside the country.
        if (text.StartsWith('+')) text = text.Replace("(0)", "", StringComparison.Ordinal);
        if (text.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '-' or '.' or '(' or ')' or '/' or '+'))) return null;
        if (text.LastIndexOf('+') > 0) return null;
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        var region = Regions[defaultRegion];
        string international;
        if (text.StartsWith('+')) international = digits;
        else if (digits.StartsWith(region.InternationalPrefix, StringComparison.Ordinal)) international = digits[region.InternationalPrefix.Length..];
        else international = region.CallingCode + National(digits, region);
        return international.Length is >= 7 and <= 15 && international[0] != '0' ? "+" + international : null;
    }

    /// <summary>The national number without the trunk prefix (NANP: a leading 1 only on an 11-digit number).</summary>
    private static string National(string digits, Region region)
    {
        if (region.TrunkPrefix.Length == 0 || !digits.StartsWith(region.TrunkPrefix, StringComparison.Ordinal)) return digits;
        if (region.CallingCode == "1" && digits.Length != 11) return digits;
        return digits[region.TrunkPrefix.Length..];
    }

    private static string WithoutExtension(string text)
    {
        var cut = text.IndexOf("ext", StringComparison.OrdinalIgnoreCase);
        if (cut < 0) cut = text.IndexOfAny(['x', 'X', '#', ';', ',']);
        return cut < 0 ? text : text[..cut].Trim();
    }
}
