namespace HeadlessCrm.Api.Features.Export;

/// <summary>RFC 4180 fields: quoted when they hold a comma, quote or line break; text that a spreadsheet would run as a formula is defused.</summary>
public static class CsvText
{
    public static string Field(string? value, bool isText)
    {
        if (string.IsNullOrEmpty(value)) return "";
        // =, +, -, @ (and tab/CR) at the start make spreadsheets evaluate a cell (CSV injection); a leading ' keeps it text.
        if (isText && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";
    }

    public static string Line(IEnumerable<string> fields) => string.Join(',', fields) + "\r\n";
}
