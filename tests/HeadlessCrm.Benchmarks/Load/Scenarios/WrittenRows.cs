namespace HeadlessCrm.Benchmarks.Load.Scenarios;

/// <summary>
/// The rows every change writes besides the record (docs/webhooks.md, audit history): the ceiling of a write
/// scenario writes them too, so it does the same work the host must.
/// </summary>
public static class WrittenRows
{
    public static (string, object[]) Audit(Guid workspaceId, string recordType, Guid recordId, string action, string changes) => ("""
        INSERT INTO audit_events (workspace_id, id, record_type, record_id, action, actor, changes, occurred_at)
        VALUES ($1, $2, $3, $4, $5, 'client:bench', $6::jsonb, now())
        """, [workspaceId, Guid.CreateVersion7(), recordType, recordId, action, changes]);

    public static (string, object[]) Outbox(Guid workspaceId, string type, string recordType, Guid recordId, string payload) => ("""
        INSERT INTO outbox_events (workspace_id, id, type, record_type, record_id, payload, actor, occurred_at)
        VALUES ($1, $2, $3, $4, $5, $6::jsonb, 'client:bench', now())
        """, [workspaceId, Guid.CreateVersion7(), type, recordType, recordId, payload]);
}
