namespace HeadlessCrm.Api.Features.Reports;

public sealed record ActivityReportDto(DateOnly From, DateOnly To, ReportInterval Interval, ChartDto Chart);

/// <summary>
/// Report 4, who is doing the work: per owner and period, calls, meetings, emails and notes (by when they happened),
/// tasks completed (by completion time), tasks overdue (tasks due in the period that were not completed by their due
/// time and are due before now), and deals created, won and lost. Activities count for their owner, deals for theirs.
/// </summary>
public sealed class ActivityReport(ReportSource source)
{
    public static readonly string[] Parameters = ["ownerId", "teamId", "from", "to", "interval"];

    private static readonly string[] Metrics = ["calls", "meetings", "emails", "notes", "tasksCompleted", "tasksOverdue", "dealsCreated", "dealsWon", "dealsLost"];

    private sealed class Row
    {
        public DateOnly Period { get; init; }
        public Guid? OwnerId { get; init; }
        public long Calls { get; init; }
        public long Meetings { get; init; }
        public long Emails { get; init; }
        public long Notes { get; init; }
        public long TasksCompleted { get; init; }
        public long TasksOverdue { get; init; }
        public long DealsCreated { get; init; }
        public long DealsWon { get; init; }
        public long DealsLost { get; init; }

        public long Value(string metric) => metric switch
        {
            "calls" => Calls,
            "meetings" => Meetings,
            "emails" => Emails,
            "notes" => Notes,
            "tasksCompleted" => TasksCompleted,
            "tasksOverdue" => TasksOverdue,
            "dealsCreated" => DealsCreated,
            "dealsWon" => DealsWon,
            _ => DealsLost,
        };
    }

    public async Task<ActivityReportDto> RunAsync(ReportQuery query, CancellationToken ct)
    {
        source.Demand();
        var scope = query.Scope(pipeline: false, currency: false);
        var period = query.Period(source.Today);

        var sql = new ReportSql();
        var start = sql.Param(period.Start);
        var end = sql.Param(period.End);
        string In(string column) => $"{column} >= {start} AND {column} < {end}";
        var text = $"""
            SELECT period AS "Period", owner_id AS "OwnerId",
                   sum(calls)::bigint AS "Calls", sum(meetings)::bigint AS "Meetings", sum(emails)::bigint AS "Emails", sum(notes)::bigint AS "Notes",
                   sum(tasks_completed)::bigint AS "TasksCompleted", sum(tasks_overdue)::bigint AS "TasksOverdue",
                   sum(deals_created)::bigint AS "DealsCreated", sum(deals_won)::bigint AS "DealsWon", sum(deals_lost)::bigint AS "DealsLost"
            FROM (
                SELECT {ReportSource.BucketOfTime(sql, period, "a.timeline_at")} AS period, a.owner_id,
                       count(*) FILTER (WHERE a.type = 'call') AS calls, count(*) FILTER (WHERE a.type = 'meeting') AS meetings,
                       count(*) FILTER (WHERE a.type = 'email') AS emails, count(*) FILTER (WHERE a.type = 'note') AS notes,
                       0 AS tasks_completed, 0 AS tasks_overdue, 0 AS deals_created, 0 AS deals_won, 0 AS deals_lost
                FROM activities a
                WHERE {source.Records(sql, "a", scope)} AND a.type <> 'task' AND {In("a.timeline_at")}
                GROUP BY 1, 2
                UNION ALL
                SELECT {ReportSource.BucketOfTime(sql, period, "a.completed_at")}, a.owner_id, 0, 0, 0, 0, count(*), 0, 0, 0, 0
                FROM activities a
                WHERE {source.Records(sql, "a", scope)} AND a.type = 'task' AND {In("a.completed_at")}
                GROUP BY 1, 2
                UNION ALL
                SELECT {ReportSource.BucketOfTime(sql, period, "a.due_at")}, a.owner_id, 0, 0, 0, 0, 0, count(*), 0, 0, 0
                FROM activities a
                WHERE {source.Records(sql, "a", scope)} AND a.type = 'task' AND {In("a.due_at")}
                  AND a.due_at < {sql.Param(source.Now)} AND (a.completed_at IS NULL OR a.completed_at > a.due_at)
                GROUP BY 1, 2
                UNION ALL
                SELECT {ReportSource.BucketOfTime(sql, period, "d.created_at")}, d.owner_id, 0, 0, 0, 0, 0, 0, count(*), 0, 0
                FROM deals d
                WHERE {source.Records(sql, "d", scope)} AND {In("d.created_at")}
                GROUP BY 1, 2
                UNION ALL
                SELECT {ReportSource.BucketOfTime(sql, period, "d.closed_at")}, d.owner_id, 0, 0, 0, 0, 0, 0, 0,
                       count(*) FILTER (WHERE d.status = 'won'), count(*) FILTER (WHERE d.status = 'lost')
                FROM deals d
                WHERE {source.Records(sql, "d", scope)} AND d.status IN ('won', 'lost') AND {In("d.closed_at")}
                GROUP BY 1, 2
            ) work
            GROUP BY 1, 2
            """;
        var rows = await source.RowsAsync<Row>(sql, text, ct);

        var (labels, keys) = period.Axis();
        var buckets = period.Buckets();
        var series = new List<SeriesDto>();
        foreach (var owner in await source.OwnersAsync(rows.Select(r => r.OwnerId), ct))
        {
            var byBucket = rows.Where(r => r.OwnerId == owner.Id).ToDictionary(r => r.Period);
            series.AddRange(Metrics.Select(metric => new SeriesDto(metric, Units.Count, null, owner,
                buckets.Select(b => (decimal?)(byBucket.GetValueOrDefault(b)?.Value(metric) ?? 0)).ToList())));
        }
        return new ActivityReportDto(period.From, period.To, period.Interval, new ChartDto(labels, keys, series));
    }
}
