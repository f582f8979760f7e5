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
/// keyset-paged across both. A company's timeline takes in its contacts' and deals' activities too. A page costs the
/// merged keys, then the page's activities and stage changes; the timelines of many contacts at once (GraphQL) cost
/// the same, one statement ranking every contact's keys.
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
        /// <summary>Whose timeline the row is on, when many are read at once.</summary>
        public Guid Owner { get; init; }
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

        var page = await After(rows, cursorText, "cursor").OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(limit + 1).ToListAsync(ct);
        var entries = await EntriesAsync(page, ct);
        return PageOf(page, entries, limit);
    }

    /// <summary>
    /// A page of each of these contacts' timelines, all past the same cursor: one statement joins each contact
    /// laterally to its own merged, ordered and limited rows, then the pages' activities and stage changes are read
    /// together. The rows go through the same filters as <see cref="PageAsync"/>; the contacts are ones the caller sees.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, Page<TimelineEntryDto>>> ContactPagesAsync(
        IReadOnlyCollection<Guid> contactIds, int limit, string? cursorText, CancellationToken ct)
    {
        caller.Demand(Scopes.ActivitiesRead);
        var withDeals = caller.Has(Scopes.DealsRead);
        var cursor = cursorText is null ? null : Decode(cursorText, "after");
        var hasCursor = cursor is not null;
        var at = cursor?.Value!.GetValue<DateTime>() ?? default;
        var lastId = cursor?.Id ?? default;
        var activities = db.Activities.AsNoTracking();
        var stays = db.DealStageHistory.AsNoTracking();
        var links = db.DealContacts.AsNoTracking();
        var deals = db.Deals.AsNoTracking();

        var ranked = await db.Contacts.AsNoTracking().Where(c => contactIds.Contains(c.Id))
            .SelectMany(c => activities.Where(a => a.ArchivedAt == null && a.ContactId == c.Id)
                .Select(a => new Row { Owner = c.Id, Kind = ActivityKind, At = a.TimelineAt, Id = a.Id })
                .Concat(stays.Where(h => withDeals && links.Any(l => l.ContactId == c.Id && l.DealId == h.DealId && deals.Any(d => d.Id == l.DealId)))
                    .Select(h => new Row { Owner = c.Id, Kind = StageKind, At = h.EnteredAt, Id = h.Id }))
                .Where(r => !hasCursor || EF.Functions.LessThan(ValueTuple.Create(r.At, r.Id), ValueTuple.Create(at, lastId)))
                .OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(limit + 1))
            .OrderBy(r => r.Owner).ThenByDescending(r => r.At).ThenByDescending(r => r.Id)
            .ToListAsync(ct);
        var entries = await EntriesAsync(ranked, ct);
        return ranked.Select((row, i) => (Row: row, Entry: entries[i]))
            .GroupBy(p => p.Row.Owner)
            .ToDictionary(g => g.Key, g => PageOf(g.Select(p => p.Row).ToList(), g.Select(p => p.Entry).ToList(), limit));
    }

    /// <summary>How many entries each of these contacts' timelines holds for the caller, in one statement.</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> ContactCountsAsync(IReadOnlyCollection<Guid> contactIds, CancellationToken ct)
    {
        caller.Demand(Scopes.ActivitiesRead);
        var counts = await ContactRows(contactIds).GroupBy(r => r.Owner).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return counts.ToDictionary(c => c.Key, c => c.Count);
    }

    /// <summary>The merged rows of many contacts' timelines, each row marked with its contact.</summary>
    private IQueryable<Row> ContactRows(IReadOnlyCollection<Guid> contactIds)
    {
        var rows = db.Activities.AsNoTracking()
            .Where(a => a.ArchivedAt == null && a.ContactId != null && contactIds.Contains(a.ContactId.Value))
            .Select(a => new Row { Owner = a.ContactId!.Value, Kind = ActivityKind, At = a.TimelineAt, Id = a.Id });
        if (!caller.Has(Scopes.DealsRead)) return rows;
        var links = db.DealContacts.AsNoTracking().Where(l => contactIds.Contains(l.ContactId) && db.Deals.Any(d => d.Id == l.DealId));
        return rows.Concat(links.Join(db.DealStageHistory.AsNoTracking(), l => l.DealId, h => h.DealId,
            (l, h) => new Row { Owner = l.ContactId, Kind = StageKind, At = h.EnteredAt, Id = h.Id }));
    }

    /// <summary>The rows past a cursor of this timeline's order (<c>cursor</c> in REST).</summary>
    private static IQueryable<Row> After(IQueryable<Row> rows, string? cursorText, string parameter)
    {
        if (cursorText is null) return rows;
        var cursor = Decode(cursorText, parameter);
        var at = cursor.Value!.GetValue<DateTime>();
        var lastId = cursor.Id;
        return rows.Where(r => EF.Functions.LessThan(ValueTuple.Create(r.At, r.Id), ValueTuple.Create(at, lastId)));
    }

    /// <summary>A timeline cursor, or a 400 naming <paramref name="parameter"/> when damaged or made for another list.</summary>
    public static Cursor Decode(string cursorText, string parameter)
    {
        var cursor = Cursor.Decode(cursorText);
        return cursor.Sort == SortName && cursor.Value is not null
            ? cursor
            : throw new InvalidQueryException(parameter, "The cursor is not valid; use nextCursor exactly as a timeline returned it.");
    }

    /// <summary>The first <paramref name="limit"/> of rows read one beyond it; every entry carries its cursor.</summary>
    private static Page<TimelineEntryDto> PageOf(List<Row> rows, IReadOnlyList<TimelineEntryDto> entries, int limit)
    {
        var cursors = rows.Take(limit).Select(r => new Cursor(SortName, System.Text.Json.Nodes.JsonValue.Create(r.At), r.Id)).ToList();
        return new Page<TimelineEntryDto>(entries.Take(limit).ToList(), rows.Count > limit ? cursors[^1].Encode() : null) { ItemCursors = cursors };
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
