using System.Linq.Expressions;
using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.Companies;
using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.Deals;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using HeadlessCrm.Api.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Search;

/// <summary>
/// One search box over contacts (names, emails, phone digits), companies (names, domains) and deals (titles), ranked
/// and keyset-paged on (rank, id) with no cap on how far one pages. Each type is read through the DbContext, so its
/// tenant and visibility filters apply: a rep finds only their own records. Types the caller may not read are left out.
/// </summary>
public sealed class SearchQuery(CrmDbContext db, RequestContext caller)
{
    public const int MinQueryLength = 2;
    public const int MaxQueryLength = 200;
    private const string CursorSort = "rank";

    private static readonly Dictionary<string, string> ReadScopes = new()
    {
        ["contacts"] = Scopes.ContactsRead,
        ["companies"] = Scopes.CompaniesRead,
        ["deals"] = Scopes.DealsRead,
    };

    public async Task<Page<SearchHit>> SearchAsync(string? q, string? types, int limit, string? cursor, CancellationToken ct)
    {
        var query = (q ?? "").Trim();
        if (query.Length is < MinQueryLength or > MaxQueryLength)
            throw new InvalidQueryException("q", $"Type {MinQueryLength} to {MaxQueryLength} characters.");
        var wanted = Types(types);
        var after = cursor is null ? null : Cursor.Decode(cursor);
        if (after is not null && (after.Sort != CursorSort || after.Value is not JsonValue value || !value.TryGetValue<double>(out _)))
            throw new InvalidQueryException("cursor", "The cursor is not valid; use nextCursor exactly as a search returned it.");
        var from = new After(after?.Value!.GetValue<double>(), after?.Id);
        var owners = await db.VisibleOwnersAsync(caller, ct);

        var hits = new List<SearchHit>();
        if (wanted.Contains("contacts"))
            hits.AddRange(await TopAsync(db.Contacts, "contacts", query, owners, from, limit + 1, c => new SearchHit(
                "contact", c.Id,
                (c.FirstName ?? "") + " " + (c.LastName ?? ""),
                c.EmailKeys.Length > 0 ? c.EmailKeys[0] : null, 0), ct));
        if (wanted.Contains("companies"))
            hits.AddRange(await TopAsync(db.Companies, "companies", query, owners, from, limit + 1, c => new SearchHit(
                "company", c.Id, c.Name, c.Domain, 0), ct));
        if (wanted.Contains("deals"))
            hits.AddRange(await TopAsync(db.Deals, "deals", query, owners, from, limit + 1, d => new SearchHit(
                "deal", d.Id, d.Title, d.Currency == null ? null : d.Amount + " " + d.Currency, 0), ct));

        // Each type gave its best limit+1 after the cursor, so the best limit+1 of them all are among these.
        var page = hits.OrderByDescending(h => h.Rank).ThenByDescending(h => h.Id).Take(limit + 1)
            .Select(h => h with { Title = h.Title.Trim() }).ToList();
        string? next = null;
        if (page.Count > limit)
        {
            page.RemoveAt(limit);
            next = new Cursor(CursorSort, JsonValue.Create(page[^1].Rank), page[^1].Id).Encode();
        }
        return new Page<SearchHit>(page, next);
    }

    private HashSet<string> Types(string? types)
    {
        if (string.IsNullOrWhiteSpace(types))
        {
            var readable = ReadScopes.Where(p => caller.Has(p.Value)).Select(p => p.Key).ToHashSet();
            return readable.Count > 0 ? readable : throw new MissingScopeException(Scopes.ContactsRead);
        }
        var wanted = types.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        foreach (var type in wanted)
        {
            if (!ReadScopes.TryGetValue(type, out var scope))
                throw new InvalidQueryException("types", $"Search {string.Join(", ", ReadScopes.Keys)} (comma-separated).");
            caller.Demand(scope);
        }
        return wanted;
    }

    /// <summary>Where the previous page ended: (rank, id), both null for the first page.</summary>
    private sealed record After(double? Rank, Guid? Id);

    private sealed record RankedId(double Rank, Guid Id);

    /// <summary>
    /// The best <paramref name="take"/> live matches of one type after the cursor, best first. crm_search_top (V0021)
    /// ranks them below row-level security, where the prefix, word and trigram indexes serve, and returns (rank, id);
    /// the records are then read through the DbContext, so tenant and visibility apply to them as to any list.
    /// </summary>
    private async Task<List<SearchHit>> TopAsync<T>(
        DbSet<T> source, string table, string query, Guid[]? owners, After after, int take, Expression<Func<T, SearchHit>> hit, CancellationToken ct)
        where T : CrmRecord
    {
        var ranked = await db.Database.SqlQuery<RankedId>($"""
            SELECT rank AS "Rank", id AS "Id"
            FROM crm_search_top({table}, {query}, {owners}::uuid[], {after.Rank}::float8, {after.Id}::uuid, {take})
            """).ToListAsync(ct);
        if (ranked.Count == 0) return [];
        var ids = ranked.Select(r => r.Id).ToList();
        var records = await source.AsNoTracking().Where(e => e.ArchivedAt == null && ids.Contains(e.Id)).Select(hit).ToListAsync(ct);
        var rankOf = ranked.ToDictionary(r => r.Id, r => r.Rank);
        return records.Select(h => h with { Rank = rankOf[h.Id] }).ToList();
    }
}
