namespace HeadlessCrm.Api.Infrastructure.Idempotency;

/// <summary>The first response to a POST sent with an Idempotency-Key, replayed for retries of the same request.</summary>
public sealed class IdempotencyRecord
{
    public Guid WorkspaceId { get; set; }
    public required string Subject { get; init; }
    public required string Key { get; init; }
    public required string RequestHash { get; init; }
    /// <summary>Null while the first request is still running.</summary>
    public int? StatusCode { get; set; }
    public Dictionary<string, string>? ResponseHeaders { get; set; }
    public byte[]? ResponseBody { get; set; }
    public DateTime CreatedAt { get; set; }
}
