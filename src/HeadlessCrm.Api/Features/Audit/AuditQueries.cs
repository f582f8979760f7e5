using System.Linq.Expressions;
using HeadlessCrm.Api.Features.Merge;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using HeadlessCrm.Api.Infrastructure.Filtering;
using HeadlessCrm.Api.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Audit;

/// <summary>Reading the audit trail: a record's history (for whoever may read the record), or the workspace's (admins).</summary>
public sealed class AuditQueries(CrmDbContext db, RequestContext caller, RecordReader reader)
{
    public static readonly FilterSchema<AuditEvent> Filters = new FilterSchema<AuditEvent>()
        .Field("recordType", e => e.RecordType)
        .Field("recordId", e => e.RecordId)
        .Field("action", e => e.Action)
        .Field("actor", e => e.Actor)
        .Field("actorMemberId", e => e.ActorMemberId)
        .Field("occurredAt", e => e.OccurredAt);

    public static readonly IReadOnlyList<ListParameter> Parameters =
    [
        new("recordType", "recordType", FilterOperator.Eq, "company, contact, deal, activity, pipeline, stage, member, team, personal_token or oauth_client."),
        new("recordId", "recordId", FilterOperator.Eq, "Changes of this record."),
        new("action", "action", FilterOperator.Eq, "created, updated, archived, restored, deleted, handed_over, merged, secret_rotated (comma-separated: any)."),
        new("actor", "actor", FilterOperator.Eq, "Changes made by this token subject (a member id or a client id)."),
        new("after", "occurredAt", FilterOperator.Gte, "At or after this time."),
        new("before", "occurredAt", FilterOperator.Lt, "Before this time."),
    ];

    private static readonly Expression<Func<AuditEvent, AuditEventDto>> Projection = e =>
        new AuditEventDto(e.Id, e.RecordType, e.RecordId, e.Action, e.Actor, e.ActorMemberId, e.Changes, e.OccurredAt);

    /// <summary>Page ordering: newest first, the id breaking ties.</summary>
    private static readonly SortKey<AuditEvent, DateTime> Newest = new("occurredAt", e => e.OccurredAt);

    /// <summary>The history of one record the caller may read (else 404, as for reading it).</summary>
    public async Task<Page<AuditEventDto>> OfRecordAsync<TEntity, TDto>(
        RecordType<TEntity, TDto> type, Guid id, ListRequest request, CancellationToken ct)
        where TEntity : CrmRecord where TDto : IVersioned
    {
        await reader.GetAsync(type, id, ct);
        // A survivor of merges carries the history of the records merged into it.
        var ids = await MergedRecords.WithMergedAsync(db, type.Name, id, ct);
        return await PageAsync(db.AuditEvents.Where(e => e.RecordType == type.Name && ids.Contains(e.RecordId)), request, ct);
    }

    public Task<Page<AuditEventDto>> OfWorkspaceAsync(ListRequest request, CancellationToken ct)
    {
        caller.Demand(Scopes.Admin);
        var events = db.AuditEvents.AsQueryable();
        if (request.Filter is not null) events = events.Where(Filters.Compile(request.Filter));
        return PageAsync(events, request, ct);
    }

    private static Task<Page<AuditEventDto>> PageAsync(IQueryable<AuditEvent> events, ListRequest request, CancellationToken ct) =>
        Newest.PageAsync(events.AsNoTracking(), Projection, descending: true,
            request.Cursor is null ? null : Cursor.Decode(request.Cursor), request.Limit, ct);
}
