using System.Text.Json;

namespace HeadlessCrm.Api.Features.Members;

/// <summary>
/// Move records from one member to another: all of them, some record types, or a filtered set per type
/// (<c>{"deals": {"field": "status", "value": "open"}}</c>, the filter tree of search).
/// </summary>
public sealed record HandOverInput(Guid? ToMemberId = null, string[]? RecordTypes = null, Dictionary<string, JsonElement>? Filters = null);

/// <summary>How many records of each type changed hands.</summary>
public sealed record HandOverResult(Guid FromMemberId, Guid ToMemberId, IReadOnlyDictionary<string, int> Moved);
