using System.Text.Json.Nodes;

namespace HeadlessCrm.Api.Features.Merge;

/// <summary>The survivor after the merge (or as it would be, on a dry run), who was merged, and what moved to it.</summary>
public sealed record MergeResult(object Survivor, Guid[] MergedIds, JsonObject Moved, bool DryRun);
