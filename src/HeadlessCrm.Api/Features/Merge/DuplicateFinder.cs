using System.Linq.Expressions;
using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.Companies;
using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.Search;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using HeadlessCrm.Api.Infrastructure.Data.Configurations;
using HeadlessCrm.Api.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Merge;

/// <summary>
/// Likely duplicates among the live records the caller can see, as pairs (first id &lt; second id) keyset-paged on
/// the pair, each with its reasons and a score (1 for a shared key, the trigram similarity for a similar name).
/// Contacts: a shared email, a shared phone number (by digits), or names at least 60% trigram-similar at the same
/// company (compared within each company only). Companies: the same domain, or names at least 60% trigram-similar
/// (candidates found through the trigram index on the name by crm_similar_company_names, V0025, so a page costs one
/// index probe per company walked).
/// </summary>
public sealed class DuplicateFinder(CrmDbContext db, RequestContext caller)
{
    public const double NameSimilarity = 0.6;
    private const string CursorSort = "pair";

    /// <summary>A pair as a query row (member-initialised, so EF can keep ordering and filtering by it in SQL).</summary>
    public sealed record Pair
    {
        public Guid A { get; init; }
        public Guid B { get; init; }
        public double Score { get; init; }
    }

    public Task<Page<DuplicatePair>> ContactsAsync(int limit, string? cursor, CancellationToken ct)
    {
        caller.Demand(Scopes.ContactsRead);
        var after = AfterPair(cursor);
        var live = db.Contacts.AsNoTracking().Where(c => c.ArchivedAt == null);
        var pairs = from a in live from b in live where a.Id.CompareTo(b.Id) < 0 select new { a, b };
        // Joined on the company, so names are compared only among the contacts of one company.
        var atOneCompany =
            from a in live
            where a.CompanyId != null
            join b in live on a.CompanyId equals b.CompanyId
            where a.Id.CompareTo(b.Id) < 0
            select new { Pair = new Pair { A = a.Id, B = b.Id }, Score = SearchSql.Similarity(EF.Property<string>(a, ContactConfiguration.SortName), EF.Property<string>(b, ContactConfiguration.SortName)) };
        return PageAsync(
        [
            ("email", pairs.Where(p => p.a.EmailKeys.Any(k => p.b.EmailKeys.Contains(k))).Select(p => new Pair { A = p.a.Id, B = p.b.Id, Score = 1 })),
            ("phone", pairs.Where(p => p.a.PhoneKeys.Any(k => p.b.PhoneKeys.Contains(k))).Select(p => new Pair { A = p.a.Id, B = p.b.Id, Score = 1 })),
            ("nameAtCompany", atOneCompany.Where(p => p.Score >= NameSimilarity).Select(p => new Pair { A = p.Pair.A, B = p.Pair.B, Score = p.Score })),
        ], limit, after, ct);
    }

    public async Task<Page<DuplicatePair>> CompaniesAsync(int limit, string? cursor, CancellationToken ct)
    {
        caller.Demand(Scopes.CompaniesRead);
        var after = AfterPair(cursor);
        var live = db.Companies.AsNoTracking().Where(c => c.ArchivedAt == null);
        // Under row-level security the trigram index is reached only below it: crm_similar_company_names walks the
        // workspace's companies (of the owners the caller sees) and gives the next limit + 1 candidate pairs; they are
        // read again here through the DbContext (tenant, visibility) and the threshold is checked on the names.
        var owners = await db.VisibleOwnersAsync(caller, ct);
        var candidates = db.Database.SqlQuery<Pair>($"""
            SELECT a AS "A", b AS "B", score::float8 AS "Score"
            FROM crm_similar_company_names({owners}::uuid[], {after?.A}::uuid, {after?.B}::uuid, {(float)NameSimilarity}::real, {limit + 1})
            """);
        var similar =
            from p in candidates
            join a in live on p.A equals a.Id
            join b in live on p.B equals b.Id
            where SearchSql.Similarity(a.Name, b.Name) >= NameSimilarity
            select new Pair { A = a.Id, B = b.Id, Score = SearchSql.Similarity(a.Name, b.Name) };
        // Pairs only among the domains more than one company has: one pass over the companies, then their pairs (a walk
        // of the companies in id order probing the domain index would read the whole workspace when domains are unique).
        // A join with the grouped domains, not Contains: EF writes that as a correlated EXISTS grouping per company.
        var shared = live.Where(c => c.Domain != null).GroupBy(c => c.Domain).Where(g => g.Count() > 1).Select(g => new { Domain = g.Key });
        var sameDomain =
            from d in shared
            join a in live on d.Domain equals a.Domain
            join b in live on d.Domain equals b.Domain
            where a.Id.CompareTo(b.Id) < 0
            select new Pair { A = a.Id, B = b.Id, Score = 1 };
        return await PageAsync(
        [
            ("domain", sameDomain),
            ("name", similar),
        ], limit, after, ct);
    }

    /// <summary>The pair a cursor ends at: (first id, second id).</summary>
    private static (Guid A, Guid B)? AfterPair(string? cursor)
    {
        var after = cursor is null ? null : Cursor.Decode(cursor);
        return after is null ? null
            : after.Sort == CursorSort && after.Value is JsonValue v && v.TryGetValue<string>(out var text) && Guid.TryParse(text, out var b) ? (after.Id, b)
            : throw new InvalidQueryException("cursor", "The cursor is not valid; use nextCursor exactly as the list returned it.");
    }

    /// <summary>Each reason's first limit+1 pairs after the cursor, merged: exact, as in search.</summary>
    private static async Task<Page<DuplicatePair>> PageAsync(
        IReadOnlyList<(string Reason, IQueryable<Pair> Pairs)> reasons, int limit, (Guid A, Guid B)? after, CancellationToken ct)
    {
        var found = new Dictionary<(Guid A, Guid B), (List<string> Reasons, double Score)>();
        foreach (var (reason, pairs) in reasons)
        {
            var query = pairs;
            if (after is { } last) query = query.Where(After(last.A, last.B));
            foreach (var pair in await query.OrderBy(p => p.A).ThenBy(p => p.B).Take(limit + 1).ToListAsync(ct))
            {
                var key = (pair.A, pair.B);
                var (list, score) = found.TryGetValue(key, out var seen) ? seen : ([], 0);
                list.Add(reason);
                found[key] = (list, Math.Max(score, Math.Round(pair.Score, 4)));
            }
        }
        var page = found.OrderBy(p => p.Key.A).ThenBy(p => p.Key.B).Take(limit + 1).ToList();
        string? next = null;
        if (page.Count > limit)
        {
            page.RemoveAt(limit);
            next = new Cursor(CursorSort, JsonValue.Create(page[^1].Key.B.ToString()), page[^1].Key.A).Encode();
        }
        return new Page<DuplicatePair>(page.Select(p => new DuplicatePair([p.Key.A, p.Key.B], [.. p.Value.Reasons], p.Value.Score)).ToList(), next);
    }

    private static Expression<Func<Pair, bool>> After(Guid a, Guid b) =>
        p => p.A.CompareTo(a) > 0 || (p.A == a && p.B.CompareTo(b) > 0);
}
