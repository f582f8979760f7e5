namespace HeadlessCrm.Api.Features.Batch;

/// <summary>What happened to each operation, in order, and the totals.</summary>
public sealed record BatchResult(IReadOnlyList<BatchItemResult> Results, int Created, int Updated, int Archived, int Failed);

/// <summary>
/// One operation's outcome: <c>created</c>, <c>updated</c>, <c>archived</c> (with the record as it now is) or
/// <c>failed</c> (with the problem it would have got alone: status, title and errors by field).
/// </summary>
public sealed record BatchItemResult(int Index, string Status, Guid? Id, object? Record, BatchError? Error);

public sealed record BatchError(int Status, string Title, string? Detail, IDictionary<string, string[]>? Errors);
