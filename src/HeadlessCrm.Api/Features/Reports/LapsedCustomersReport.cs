using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.Activities;
using HeadlessCrm.Api.Infrastructure.Paging;

namespace HeadlessCrm.Api.Features.Reports;

public sealed record LastActivityDto(Guid Id, ActivityType Type, DateTime At);

public sealed record LapsedCustomerDto(
    Guid ContactId, string? FirstName, string? LastName, Guid? OwnerId, DateTime CustomerSince, LastActivityDto? LastActivity, int? DaysSinceLastActivity);

/// <summary>
/// Report 6, the customers to win back: contacts in lifecycle stage <c>customer</c>, on the books for at least
/// <c>days</c> days, with no activity logged on them and no deal of theirs won in the last <c>days</c> days (default
/// 90), each with their latest activity. Keyset-paged, oldest customers first, so each page costs the same and the
/// list is read without computing it whole.
/// </summary>
public sealed class LapsedCustomersReport(ReportSource source)
{
    public static readonly string[] Parameters = ["ownerId", "teamId", "days", "limit", "cursor"];

    private const string SortName = "lapsed";

    private sealed class Row
    {
        public Guid ContactId { get; init; }
        public string? FirstName { get; init; }
        public string? LastName { get; init; }
        public Guid? OwnerId { get; init; }
        public DateTime CreatedAt { get; init; }
        public Guid? ActivityId { get; init; }
        public string? ActivityType { get; init; }
        public DateTime? ActivityAt { get; init; }
    }

    public async Task<Page<LapsedCustomerDto>> RunAsync(ReportQuery query, CancellationToken ct)
    {
        source.Demand();
        var scope = query.Scope(pipeline: false, currency: false);
        var days = query.Int("days", 1, 3650, 90);
        var limit = query.Int("limit", 1, 100, 25);
        var cursor = query.Cursor("cursor") is { } text ? Decode(text) : null;
        var now = source.Now;
        var cutoff = now.AddDays(-days);

        var sql = new ReportSql();
        var cutoffParam = sql.Param(cutoff);
        var after = cursor is null ? "" : $" AND (c.created_at, c.id) > ({sql.Param(cursor.Value.At)}, {sql.Param(cursor.Value.Id)})";
        var statement = $"""
            SELECT c.id AS "ContactId", c.first_name AS "FirstName", c.last_name AS "LastName", c.owner_id AS "OwnerId",
                   c.created_at AS "CreatedAt", last.id AS "ActivityId", last.type AS "ActivityType", last.timeline_at AS "ActivityAt"
            FROM contacts c
            LEFT JOIN LATERAL (
                SELECT a.id, a.type, a.timeline_at
                FROM activities a
                WHERE {source.Records(sql, "a", scope with { OwnerId = null, TeamId = null })}
                  AND a.contact_id = c.id AND a.timeline_at <= {sql.Param(now)}
                ORDER BY a.timeline_at DESC, a.id DESC
                LIMIT 1
            ) last ON true
            WHERE {source.Records(sql, "c", scope)} AND c.lifecycle_stage = 'customer' AND c.created_at < {cutoffParam}
              AND (last.timeline_at IS NULL OR last.timeline_at < {cutoffParam})
              AND NOT EXISTS (
                  SELECT 1 FROM deal_contacts dc
                  JOIN deals d ON d.workspace_id = dc.workspace_id AND d.id = dc.deal_id
                  WHERE dc.workspace_id = c.workspace_id AND dc.contact_id = c.id
                    AND {source.Records(sql, "d", scope with { OwnerId = null, TeamId = null })}
                    AND d.status = 'won' AND d.closed_at >= {cutoffParam}){after}
            ORDER BY c.created_at, c.id
            LIMIT {sql.Param(limit + 1)}
            """;
        var rows = await source.RowsAsync<Row>(sql, statement, ct);

        string? next = null;
        if (rows.Count > limit)
        {
            rows.RemoveAt(limit);
            next = new Cursor(SortName, JsonValue.Create(rows[^1].CreatedAt), rows[^1].ContactId).Encode();
        }
        return new Page<LapsedCustomerDto>(rows.Select(r => new LapsedCustomerDto(r.ContactId, r.FirstName, r.LastName, r.OwnerId, r.CreatedAt,
                r.ActivityId is { } id ? new LastActivityDto(id, Enum.Parse<ActivityType>(r.ActivityType!, ignoreCase: true), r.ActivityAt!.Value) : null,
                r.ActivityAt is { } at ? (int)(now - at).TotalDays : null))
            .ToList(), next);
    }

    private static (DateTime At, Guid Id)? Decode(string text)
    {
        var cursor = Cursor.Decode(text);
        if (cursor.Sort != SortName || cursor.Value is null)
            throw new InvalidQueryException("cursor", "The cursor is not valid; use nextCursor exactly as this report returned it.");
        return (cursor.Value.GetValue<DateTime>(), cursor.Id);
    }
}
