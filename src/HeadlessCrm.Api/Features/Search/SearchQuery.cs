using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.Companies;
using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.Deals;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using HeadlessCrm.Api.Infrastructure.Data.Configurations;
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

    /// <summary>The highest rank: the text starts with the query (1) and the query is a whole word of it (similarity 1).</summary>
    public const double TopRank = 2;

    /// <summary>How many of the newest records the common-term path looks at before leaving the page to the full ranking.</summary>
    public const int TopWindow = 5000;

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
        var afterRank = after?.Value!.GetValue<double>();

        var hits = new List<SearchHit>();
        if (wanted.Contains("contacts"))
            hits.AddRange(await TopAsync(db.Contacts, "contacts", query, afterRank, after?.Id, limit + 1, c => new SearchHit(
                "contact", c.Id,
                (c.FirstName ?? "") + " " + (c.LastName ?? ""),
                c.EmailKeys.Length > 0 ? c.EmailKeys[0] : null,
                SearchSql.Rank(EF.Property<string>(c, SearchTextConfiguration.SearchText), query)), ct));
        if (wanted.Contains("companies"))
            hits.AddRange(await TopAsync(db.Companies, "companies", query, afterRank, after?.Id, limit + 1, c => new SearchHit(
                "company", c.Id, c.Name, c.Domain,
                SearchSql.Rank(EF.Property<string>(c, SearchTextConfiguration.SearchText), query)), ct));
        if (wanted.Contains("deals"))
            hits.AddRange(await TopAsync(db.Deals, "deals", query, afterRank, after?.Id, limit + 1, d => new SearchHit(
                "deal", d.Id, d.Title, d.Currency == null ? null : d.Amount + " " + d.Currency,
                SearchSql.Rank(EF.Property<string>(d, SearchTextConfiguration.SearchText), query)), ct));

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

    /// <summary>The best <paramref name="take"/> live matches of one type after (rank, id), best first.</summary>
    private static async Task<List<SearchHit>> TopAsync<T>(
        IQueryable<T> source, string table, string query, double? afterRank, Guid? afterId, int take, Expression<Func<T, SearchHit>> hit, CancellationToken ct)
        where T : CrmRecord
    {
        var live = source.AsNoTracking().Where(e => e.ArchivedAt == null);

        // The common-term path: while the page lies among the records of the highest possible rank, it is the newest of
        // them (ties go by id, descending). Among the TopWindow newest live records after the cursor (a walk of the
        // primary key), the first `take` of the top rank are exactly that page; if there are fewer, the full path below
        // answers instead — so a rare term costs one bounded walk more, a common one ("zoe") never ranks every match.
        if (afterRank is null or TopRank)
        {
            var window = live;
            if (afterId is { } topAfter) window = window.Where(e => e.Id.CompareTo(topAfter) < 0);
            var best = await window.OrderByDescending(e => e.Id).Take(TopWindow)
                .Where(e => EF.Functions.Like(EF.Property<string>(e, SearchTextConfiguration.SearchText), SearchSql.Normalise(query) + "%")
                    && SearchSql.Rank(EF.Property<string>(e, SearchTextConfiguration.SearchText), query) >= TopRank)
                .OrderByDescending(e => e.Id).Take(take).Select(hit).ToListAsync(ct);
            if (best.Count == take) return best;
        }

        // The matches are found by crm_search_ids, below row-level security, where the trigram and word indexes serve.
        var matches = live.Where(e => SearchSql.Hit(table, query, e.Id));
        if (afterRank is { } rank && afterId is { } id)
            matches = matches.Where(e => EF.Functions.LessThan(
                (ITuple)new ValueTuple<double, Guid>(SearchSql.Rank(EF.Property<string>(e, SearchTextConfiguration.SearchText), query), e.Id),
                (ITuple)new ValueTuple<double, Guid>(rank, id)));
        return await matches
            .OrderByDescending(e => SearchSql.Rank(EF.Property<string>(e, SearchTextConfiguration.SearchText), query))
            .ThenByDescending(e => e.Id)
            .Take(take)
            .Select(hit)
            .ToListAsync(ct);
    }
}
