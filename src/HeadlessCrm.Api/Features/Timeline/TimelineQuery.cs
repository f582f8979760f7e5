using System.Linq.Expressions;
using HeadlessCrm.Api.Features.Activities;
using HeadlessCrm.Api.Features.Companies;
using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.Deals;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using HeadlessCrm.Api.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Timeline;

/// <summary>
/// The merged history of a contact, company or deal: its activities and its deals' stage changes, newest first,
/// keyset-paged across both. A company's timeline takes in its contacts' and deals' activities too. Two statements a
/// page: the merged keys, then the page's activities.
/// </summary>
public sealed class TimelineQuery(CrmDbContext db, RequestContext caller)
{
    public enum Subject
    {
        Contact,
        Company,
        Deal,
    }

    /// <summary>Member-initialised (not a positional record) so EF can translate the UNION ALL of both sources.</summary>
    private sealed class Row
    {
        public int Kind { get; init; }
        public DateTime At { get; init; }
        public Guid Id { get; init; }
    }

    private const int ActivityKind = 0;
    private const int StageKind = 1;
    private const string SortName = "timeline";

    public async Task<Page<TimelineEntryDto>> PageAsync(Subject subject, Guid id, int limit, string? cursorText, CancellationToken ct)
    {
        caller.Demand(Scopes.ActivitiesRead);
        await EnsureVisibleAsync(subject, id, ct);

        var activities = db.Activities.AsNoTracking().Where(a => a.ArchivedAt == null).Where(ActivitiesOf(subject, id))
            .Select(a => new Row { Kind = ActivityKind, At = a.TimelineAt, Id = a.Id });
        var rows = activities;
        if (caller.Has(Scopes.DealsRead))
        {
            var deals = DealsOf(subject, id);
            rows = rows.Concat(db.DealStageHistory.AsNoTracking().Where(h => deals.Contains(h.DealId))
                .Select(h => new Row { Kind = StageKind, At = h.EnteredAt, Id = h.Id }));
        }

        if (cursorText is not null)
        {
            var cursor = Cursor.Decode(cursorText);
            if (cursor.Sort != SortName || cursor.Value is null)
                throw new InvalidQueryException("cursor", "The cursor is not valid; use nextCursor exactly as a timeline returned it.");
            var at = cursor.Value.GetValue<DateTime>();
            var lastId = cursor.Id;
            rows = rows.Where(r => EF.Functions.LessThan(ValueTuple.Create(r.At, r.Id), ValueTuple.Create(at, lastId)));
        }

        var page = await rows.OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(limit + 1).ToListAsync(ct);
        string? next = null;
        if (page.Count > limit)
        {
            page.RemoveAt(limit);
            next = new Cursor(SortName, System.Text.Json.Nodes.JsonValue.Create(page[^1].At), page[^1].Id).Encode();
        }
        return new Page<TimelineEntryDto>(await EntriesAsync(page, ct), next);
    }

    private async Task<IReadOnlyList<TimelineEntryDto>> EntriesAsync(IReadOnlyList<Row> page, CancellationToken ct)
    {
        var activityIds = page.Where(r => r.Kind == ActivityKind).Select(r => r.Id).ToList();
        var stageIds = page.Where(r => r.Kind == StageKind).Select(r => r.Id).ToList();
        var activities = activityIds.Count == 0
            ? []
            : await db.Activities.AsNoTracking().Where(a => activityIds.Contains(a.Id)).Select(ActivityRecords.Type.Projection).ToDictionaryAsync(a => a.Id, ct);
        var stays = stageIds.Count == 0
            ? []
            : await db.DealStageHistory.AsNoTracking().Where(h => stageIds.Contains(h.Id))
                .ToDictionaryAsync(h => h.Id, h => new StageChangeDto(h.DealId, h.PipelineId, h.StageId, h.EnteredAt, h.LeftAt), ct);
        return page.Select(r => r.Kind == ActivityKind
                ? new TimelineEntryDto("activity", r.At, activities[r.Id], null)
                : new TimelineEntryDto("stage_change", r.At, null, stays[r.Id]))
            .ToList();
    }

    private Task EnsureVisibleAsync(Subject subject, Guid id, CancellationToken ct) => subject switch
    {
        Subject.Contact => Exists<Contact>("contact", id, ct),
        Subject.Company => Exists<Company>("company", id, ct),
        _ => Exists<Deal>("deal", id, ct),
    };

    private async Task Exists<T>(string name, Guid id, CancellationToken ct) where T : CrmRecord
    {
        if (!await db.Set<T>().AnyAsync(e => e.Id == id, ct)) throw new RecordNotFoundException(name, id);
    }

    private Expression<Func<Activity, bool>> ActivitiesOf(Subject subject, Guid id) => subject switch
    {
        Subject.Contact => a => a.ContactId == id,
        Subject.Deal => a => a.DealId == id,
        _ => a => a.CompanyId == id
                  || db.Contacts.Any(c => c.Id == a.ContactId && c.CompanyId == id)
                  || db.Deals.Any(d => d.Id == a.DealId && d.CompanyId == id),
    };

    private IQueryable<Guid> DealsOf(Subject subject, Guid id) => subject switch
    {
        Subject.Contact => db.Deals.Where(d => d.Contacts.Any(c => c.ContactId == id)).Select(d => d.Id),
        Subject.Deal => db.Deals.Where(d => d.Id == id).Select(d => d.Id),
        _ => db.Deals.Where(d => d.CompanyId == id).Select(d => d.Id),
    };
}
