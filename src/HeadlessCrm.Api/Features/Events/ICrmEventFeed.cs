namespace HeadlessCrm.Api.Features.Events;

/// <summary>
/// Live events of one workspace, from every host (fed by PostgreSQL LISTEN/NOTIFY on the outbox). A subscriber sees
/// the events committed after it subscribed, in commit order per host; it must apply record visibility itself (the
/// feed is per workspace).
/// </summary>
public interface ICrmEventFeed
{
    IAsyncEnumerable<CrmEvent> SubscribeAsync(Guid workspaceId, CancellationToken ct);
}
