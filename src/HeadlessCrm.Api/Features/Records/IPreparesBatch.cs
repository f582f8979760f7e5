using System.Text.Json;

namespace HeadlessCrm.Api.Features.Records;

/// <summary>
/// Use cases whose checks look something up for each record can look it up for a whole batch first, in one query
/// (the records as sent; any of them may be malformed, which its own write will report).
/// </summary>
public interface IPreparesBatch
{
    Task PrepareAsync(IReadOnlyList<JsonElement> records, CancellationToken ct);
}
