namespace HeadlessCrm.Api.Features.Reports;

public sealed record ActivityReportDto(DateOnly From, DateOnly To, ReportInterval Interval, ChartDto Chart);

/// <summary>
/// Report 4, who is doing the work: per owner and period, calls, meetings, emails and notes (by when they happened),
/// tasks completed (by completion time), tasks overdue (tasks due in the period that were not completed by their due
/// time and are due before now), and deals created, won and lost. Activities count for their owner, deals for theirs.
/// Read from the summaries (<see cref="ReportFacts"/>).
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

        // Everything but the overdue tasks of today comes from the summaries. A task is overdue once its due time has
        // passed: those due on an earlier day are summarised by due day; those due today, before now, are counted from
        // the tasks themselves (a partial index range of one day).
        var sql = new ReportSql();
        var today = source.Today;
        var todayStart = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var work = ReportFacts.Rows(source, sql, scope, ["activity", "task_done", "deal_created", "deal_closed"], period.From, period.To);
        var late = ReportFacts.Rows(source, sql, scope, ["task_late"], period.From, Min(period.To, today.AddDays(-1)));
        var lateStart = sql.Param(period.Start > todayStart ? period.Start : todayStart);
        var lateEnd = sql.Param(period.End < source.Now ? period.End : source.Now);
        var text = $"""
            SELECT period AS "Period", owner_id AS "OwnerId",
                   sum(calls)::bigint AS "Calls", sum(meetings)::bigint AS "Meetings", sum(emails)::bigint AS "Emails", sum(notes)::bigint AS "Notes",
                   sum(tasks_completed)::bigint AS "TasksCompleted", sum(tasks_overdue)::bigint AS "TasksOverdue",
                   sum(deals_created)::bigint AS "DealsCreated", sum(deals_won)::bigint AS "DealsWon", sum(deals_lost)::bigint AS "DealsLost"
            FROM (
                SELECT {ReportSource.BucketOfDate(sql, period, "f.day")} AS period, f.owner_id,
                       coalesce(sum(f.n) FILTER (WHERE f.kind = 'activity' AND f.dim = 'call'), 0) AS calls,
                       coalesce(sum(f.n) FILTER (WHERE f.kind = 'activity' AND f.dim = 'meeting'), 0) AS meetings,
                       coalesce(sum(f.n) FILTER (WHERE f.kind = 'activity' AND f.dim = 'email'), 0) AS emails,
                       coalesce(sum(f.n) FILTER (WHERE f.kind = 'activity' AND f.dim = 'note'), 0) AS notes,
                       coalesce(sum(f.n) FILTER (WHERE f.kind = 'task_done'), 0) AS tasks_completed,
                       coalesce(sum(f.n) FILTER (WHERE f.kind = 'task_late'), 0) AS tasks_overdue,
                       coalesce(sum(f.n) FILTER (WHERE f.kind = 'deal_created'), 0) AS deals_created,
                       coalesce(sum(f.n) FILTER (WHERE f.kind = 'deal_closed' AND f.dim = 'won'), 0) AS deals_won,
                       coalesce(sum(f.n) FILTER (WHERE f.kind = 'deal_closed' AND f.dim = 'lost'), 0) AS deals_lost
                FROM (SELECT * FROM {work} w UNION ALL SELECT * FROM {late} l) f
                GROUP BY 1, 2
                UNION ALL
                SELECT {ReportSource.BucketOfTime(sql, period, "a.due_at")}, a.owner_id, 0, 0, 0, 0, 0, count(*), 0, 0, 0
                FROM activities a
                WHERE {source.Records(sql, "a", scope)} AND a.type = 'task' AND a.due_at >= {lateStart} AND a.due_at < {lateEnd}
                  AND (a.completed_at IS NULL OR a.completed_at > a.due_at)
                GROUP BY 1, 2
            ) work
            GROUP BY 1, 2
            HAVING sum(calls) + sum(meetings) + sum(emails) + sum(notes) + sum(tasks_completed) + sum(tasks_overdue)
                 + sum(deals_created) + sum(deals_won) + sum(deals_lost) > 0
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

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
