using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Reports;

/// <summary>
/// What every report shares: the caller's workspace and record visibility as SQL conditions, the caller's narrowing
/// (owner or team, pipeline, currency), period bucketing, "now", member names, and running a statement through the
/// DbContext (so row-level security gets the caller's workspace like every other query).
/// </summary>
/// <remarks>
/// Reports aggregate in SQL (percentiles, FILTER, date_trunc, grouping sets), which is why they are written as SQL
/// rather than LINQ. Visibility is the rule of CrmDbContext's <c>visibility</c> filter, read from the same
/// <see cref="RequestContext"/> members (<see cref="RequestContext.SeesWholeWorkspace"/>, <see cref="RequestContext.MemberId"/>,
/// <see cref="RequestContext.VisibleTeamId"/>): whole workspace, else own records, plus a manager's team's.
/// </remarks>
public sealed class ReportSource(CrmDbContext db, RequestContext caller, TimeProvider clock)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(Now);

    public void Demand() => caller.Demand(Scopes.ReportsRead);

    /// <summary>
    /// Conditions on an owned record (deal, activity, contact) aliased <paramref name="alias"/>: the caller's
    /// workspace, not archived, visible to the caller, and within the owner or team asked for.
    /// </summary>
    public string Records(ReportSql sql, string alias, ReportScope scope) =>
        $"{Owners(sql, alias, scope)} AND {alias}.archived_at IS NULL";

    /// <summary><see cref="Records"/> for a deal, plus the pipeline and currency asked for.</summary>
    public string Deals(ReportSql sql, string alias, ReportScope scope) =>
        $"{Records(sql, alias, scope)}{PipelineAndCurrency(sql, alias, scope)}";

    /// <summary>
    /// Conditions on a summary row (<see cref="ReportFacts"/>): the caller's workspace, an owner visible to the caller
    /// and within the owner or team asked for, and the pipeline and currency asked for. Summaries hold no archived record.
    /// </summary>
    public string Facts(ReportSql sql, string alias, ReportScope scope) =>
        $"{Owners(sql, alias, scope)}{PipelineAndCurrency(sql, alias, scope)}";

    /// <summary>
    /// Conditions on a won-deal link (<c>report_won_links</c>, lead sources): the caller's workspace; the contact's
    /// owner visible and within the owner or team asked for; the deal's owner visible (owner and team narrow the
    /// contacts, not the deals) and the currency asked for. The table holds only live contacts and won, live deals.
    /// </summary>
    public string WonLinks(ReportSql sql, string alias, ReportScope scope) =>
        $"{Owners(sql, alias, scope, "contact_owner_id")} AND {Owners(sql, alias, scope with { OwnerId = null, TeamId = null }, "deal_owner_id")}"
        + PipelineAndCurrency(sql, alias, scope with { PipelineId = null });

    /// <summary>The workspace, the visibility rule (whole workspace, else own records plus a manager's team's) and the narrowing by owner or team.</summary>
    private string Owners(ReportSql sql, string alias, ReportScope scope, string ownerColumn = "owner_id")
    {
        var ws = sql.Param(caller.WorkspaceId);
        var ownedBy = $"{alias}.{ownerColumn}";
        var conditions = new List<string> { $"{alias}.workspace_id = {ws}" };
        if (!caller.SeesWholeWorkspace)
        {
            var visible = $"{ownedBy} = {sql.Param(caller.MemberId ?? Guid.Empty)}";
            if (caller.VisibleTeamId is { } team) visible += $" OR {ownedBy} IN ({TeamMembers(sql, ws, team)})";
            conditions.Add($"({visible})");
        }
        if (scope.OwnerId is { } owner) conditions.Add($"{ownedBy} = {sql.Param(owner)}");
        if (scope.TeamId is { } teamFilter) conditions.Add($"{ownedBy} IN ({TeamMembers(sql, ws, teamFilter)})");
        return string.Join(" AND ", conditions);
    }

    private static string PipelineAndCurrency(ReportSql sql, string alias, ReportScope scope)
    {
        var conditions = "";
        if (scope.PipelineId is { } pipeline) conditions += $" AND {alias}.pipeline_id = {sql.Param(pipeline)}";
        if (scope.Currency is { } currency) conditions += $" AND {alias}.currency = {sql.Param(currency)}";
        return conditions;
    }

    private static string TeamMembers(ReportSql sql, string ws, Guid team) =>
        $"SELECT m.id FROM members m WHERE m.workspace_id = {ws} AND m.team_id = {sql.Param(team)}";

    public string Workspace(ReportSql sql) => sql.Param(caller.WorkspaceId);

    /// <summary>The start (a date) of the period <paramref name="timestamp"/> (a timestamptz) falls in, in UTC.</summary>
    public static string BucketOfTime(ReportSql sql, ReportPeriod period, string timestamp) =>
        $"date_trunc({sql.Param(period.TruncUnit)}, {timestamp} AT TIME ZONE 'UTC')::date";

    /// <summary>The start of the period a date column falls in.</summary>
    public static string BucketOfDate(ReportSql sql, ReportPeriod period, string date) =>
        $"date_trunc({sql.Param(period.TruncUnit)}, {date}::timestamp)::date";

    public Task<List<TRow>> RowsAsync<TRow>(ReportSql sql, string text, CancellationToken ct) =>
        db.Database.SqlQueryRaw<TRow>(text, sql.Parameters).ToListAsync(ct);

    /// <summary>Names of members (archived ones too: their records still count), for labelling owners.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> MemberNamesAsync(IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        if (wanted.Count == 0) return new Dictionary<Guid, string>();
        return await db.Members.AsNoTracking().Where(m => wanted.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
    }

    /// <summary>Owners in a stable order (by name, nobody last), each as a series owner.</summary>
    public async Task<IReadOnlyList<SeriesOwner>> OwnersAsync(IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var distinct = ids.Distinct().ToList();
        var names = await MemberNamesAsync(distinct, ct);
        return distinct
            .Select(id => new SeriesOwner(id, id is { } known ? names.GetValueOrDefault(known, "Unknown member") : Unassigned))
            .OrderBy(o => o.Id is null).ThenBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ThenBy(o => o.Id)
            .ToList();
    }

    public const string Unassigned = "Unassigned";

    public CrmDbContext Db => db;

    /// <summary>a / b rounded to four places, or null when b is zero.</summary>
    public static decimal? Ratio(decimal a, decimal b) => b == 0 ? null : Math.Round(a / b, 4);
}
