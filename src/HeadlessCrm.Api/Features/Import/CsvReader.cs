using System.Text;

namespace HeadlessCrm.Api.Features.Import;

/// <summary>
/// Reads RFC 4180 CSV one record at a time from a text stream: comma-separated fields, quoted fields holding commas,
/// line breaks and doubled quotes, records ended by CRLF (LF or CR alone are accepted too). Only the current record is
/// held, so a file of any length reads in constant memory. What a record gets wrong (text after a closing quote, a
/// quote never closed) is reported on that record, not thrown: a bad row is the row's problem, not the file's.
/// </summary>
public sealed class CsvReader(TextReader reader, int maxRecordChars)
{
    private readonly char[] _buffer = new char[64 * 1024];
    private int _length;
    private int _position;
    private bool _end;
    private readonly StringBuilder _field = new();
    private int _recordChars;

    /// <summary>The fields of the record just read.</summary>
    public List<string> Fields { get; } = [];

    /// <summary>What is wrong with the record just read, or null.</summary>
    public string? Problem { get; private set; }

    /// <summary>The record's number: 1 for the first (the header), counting blank lines, as a spreadsheet numbers rows.</summary>
    public int RowNumber { get; private set; }

    /// <summary>Reads the next record that is not a blank line; false at the end of the text.</summary>
    public async ValueTask<bool> ReadAsync(CancellationToken ct)
    {
        while (true)
        {
            if (!await ReadRecordAsync(ct)) return false;
            if (Fields.Count > 1 || Fields[0].Length > 0 || Problem is not null) return true;
        }
    }

    private async ValueTask<bool> ReadRecordAsync(CancellationToken ct)
    {
        Fields.Clear();
        Problem = null;
        _recordChars = 0;
        if (!await FillAsync(ct)) return false;
        RowNumber++;
        _field.Clear();
        var quoted = false;
        var afterQuote = false;
        var fieldStart = true;
        while (true)
        {
            if (!await FillAsync(ct))
            {
                if (quoted) Problem ??= "A quoted field is not closed (a \" is missing).";
                Fields.Add(_field.ToString());
                return true;
            }
            var c = _buffer[_position++];
            if (++_recordChars > maxRecordChars)
                throw new CsvTooLongException(RowNumber, maxRecordChars);
            if (quoted)
            {
                if (c != '"')
                {
                    _field.Append(c);
                    continue;
                }
                if (await FillAsync(ct) && _buffer[_position] == '"')
                {
                    _position++;
                    _field.Append('"');
                    continue;
                }
                quoted = false;
                afterQuote = true;
                continue;
            }
            switch (c)
            {
                case ',':
                    Fields.Add(_field.ToString());
                    _field.Clear();
                    fieldStart = true;
                    afterQuote = false;
                    continue;
                case '\r':
                    if (await FillAsync(ct) && _buffer[_position] == '\n') _position++;
                    Fields.Add(_field.ToString());
                    return true;
                case '\n':
                    Fields.Add(_field.ToString());
                    return true;
                case '"' when fieldStart:
                    quoted = true;
                    fieldStart = false;
                    continue;
            }
            if (afterQuote) Problem ??= $"Field {Fields.Count + 1} has text after its closing quote.";
            fieldStart = false;
            _field.Append(c);
        }
    }

    private async ValueTask<bool> FillAsync(CancellationToken ct)
    {
        if (_position < _length) return true;
        if (_end) return false;
        _length = await reader.ReadAsync(_buffer.AsMemory(), ct);
        _position = 0;
        if (_length == 0) _end = true;
        return _length > 0;
    }
}

/// <summary>A record longer than the limit: most likely a quote never closed, which would swallow the rest of the file.</summary>
public sealed class CsvTooLongException(int row, int max)
    : Exception($"Row {row} is longer than {max} characters; is a quote not closed?")
{
    public int Row { get; } = row;
}
