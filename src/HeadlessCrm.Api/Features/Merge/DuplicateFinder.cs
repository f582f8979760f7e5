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
/// the pair. Contacts: a shared email, a shared phone number (by digits), or names at least 60% trigram-similar at the
/// same company. Companies: the same domain, or names at least 60% trigram-similar.
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
    }

    public Task<Page<DuplicatePair>> ContactsAsync(int limit, string? cursor, CancellationToken ct)
    {
        caller.Demand(Scopes.ContactsRead);
        var live = db.Contacts.AsNoTracking().Where(c => c.ArchivedAt == null);
        var pairs = from a in live from b in live where a.Id.CompareTo(b.Id) < 0 select new { a, b };
        return PageAsync(
        [
            ("email", pairs.Where(p => p.a.EmailKeys.Any(k => p.b.EmailKeys.Contains(k))).Select(p => new Pair { A = p.a.Id, B = p.b.Id })),
            ("phone", pairs.Where(p => p.a.PhoneKeys.Any(k => p.b.PhoneKeys.Contains(k))).Select(p => new Pair { A = p.a.Id, B = p.b.Id })),
            ("nameAtCompany", pairs.Where(p => p.a.CompanyId != null && p.a.CompanyId == p.b.CompanyId
                    && SearchSql.Similarity(EF.Property<string>(p.a, ContactConfiguration.SortName), EF.Property<string>(p.b, ContactConfiguration.SortName)) >= NameSimilarity)
                .Select(p => new Pair { A = p.a.Id, B = p.b.Id })),
        ], limit, cursor, ct);
    }

    public Task<Page<DuplicatePair>> CompaniesAsync(int limit, string? cursor, CancellationToken ct)
    {
        caller.Demand(Scopes.CompaniesRead);
        var live = db.Companies.AsNoTracking().Where(c => c.ArchivedAt == null);
        var pairs = from a in live from b in live where a.Id.CompareTo(b.Id) < 0 select new { a, b };
        return PageAsync(
        [
            ("domain", pairs.Where(p => p.a.Domain != null && p.a.Domain == p.b.Domain).Select(p => new Pair { A = p.a.Id, B = p.b.Id })),
            ("name", pairs.Where(p => SearchSql.Similarity(p.a.Name, p.b.Name) >= NameSimilarity).Select(p => new Pair { A = p.a.Id, B = p.b.Id })),
        ], limit, cursor, ct);
    }

    /// <summary>Each reason's first limit+1 pairs after the cursor, merged: exact, as in search.</summary>
    private static async Task<Page<DuplicatePair>> PageAsync(
        IReadOnlyList<(string Reason, IQueryable<Pair> Pairs)> reasons, int limit, string? cursor, CancellationToken ct)
    {
        var after = cursor is null ? null : Cursor.Decode(cursor);
        Guid? afterB = after is null ? null
            : after.Sort == CursorSort && after.Value is JsonValue v && v.TryGetValue<string>(out var text) && Guid.TryParse(text, out var b) ? b
            : throw new InvalidQueryException("cursor", "The cursor is not valid; use nextCursor exactly as the list returned it.");

        var found = new Dictionary<Pair, List<string>>();
        foreach (var (reason, pairs) in reasons)
        {
            var query = pairs;
            if (after is not null) query = query.Where(After(after.Id, afterB!.Value));
            foreach (var pair in await query.OrderBy(p => p.A).ThenBy(p => p.B).Take(limit + 1).ToListAsync(ct))
            {
                if (!found.TryGetValue(pair, out var list)) found[pair] = list = [];
                list.Add(reason);
            }
        }
        var page = found.OrderBy(p => p.Key.A).ThenBy(p => p.Key.B).Take(limit + 1).ToList();
        string? next = null;
        if (page.Count > limit)
        {
            page.RemoveAt(limit);
            next = new Cursor(CursorSort, JsonValue.Create(page[^1].Key.B.ToString()), page[^1].Key.A).Encode();
        }
        return new Page<DuplicatePair>(page.Select(p => new DuplicatePair([p.Key.A, p.Key.B], [.. p.Value])).ToList(), next);
    }

    private static Expression<Func<Pair, bool>> After(Guid a, Guid b) =>
        p => p.A.CompareTo(a) > 0 || (p.A == a && p.B.CompareTo(b) > 0);
}
