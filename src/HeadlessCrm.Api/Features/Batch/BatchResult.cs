namespace HeadlessCrm.Api.Features.Batch;

/// <summary>What happened to each operation, in order, and the totals.</summary>
public sealed record BatchResult(IReadOnlyList<BatchItemResult> Results, int Created, int Updated, int Archived, int Failed)
{
    /// <summary>Every failure by field, as an atomic batch that was not applied reports them: <c>operations[1].email</c>.</summary>
    public Dictionary<string, string[]> FailureErrors() => Results
        .Where(r => r.Error is not null)
        .SelectMany(r => (r.Error!.Errors ?? new Dictionary<string, string[]> { [""] = [r.Error.Detail ?? r.Error.Title] })
            .Select(e => (Field: e.Key.Length == 0 ? $"operations[{r.Index}]" : $"operations[{r.Index}].{e.Key}", e.Value)))
        .ToDictionary(e => e.Field, e => e.Value);
}

/// <summary>
/// One operation's outcome: <c>created</c>, <c>updated</c>, <c>archived</c> (with the record as it now is) or
/// <c>failed</c> (with the problem it would have got alone: status, title and errors by field).
/// </summary>
public sealed record BatchItemResult(int Index, string Status, Guid? Id, object? Record, BatchError? Error);

public sealed record BatchError(int Status, string Title, string? Detail, IDictionary<string, string[]>? Errors);
