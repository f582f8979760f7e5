using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Search;

/// <summary>The SQL functions of migrations V0011 and V0016 as EF functions; they run only inside queries.</summary>
public static class SearchSql
{
    /// <summary><c>crm_search_rank(search_text, query)</c>: higher is better.</summary>
    public static double Rank(string searchText, string query) => throw InDatabaseOnly();

    /// <summary>pg_trgm's <c>similarity(a, b)</c>: the share of trigrams two texts have in common (0–1).</summary>
    public static double Similarity(string? a, string? b) => throw InDatabaseOnly();

    /// <summary><c>crm_names_similar(a, b)</c> (V0016): pg_trgm's indexable <c>a % b</c> — a candidate test; check the similarity after it.</summary>
    public static bool NamesSimilar(string? a, string? b) => throw InDatabaseOnly();

    /// <summary>
    /// <c>crm_search_hit(record_type, query, id)</c> (V0016): the record is one of the workspace's live matches
    /// (<c>crm_search_matches</c>: substring, typo-tolerant word, word prefix or phone digits), found through the
    /// indexes below row-level security.
    /// </summary>
    public static bool Hit(string recordType, string query, Guid id) => throw InDatabaseOnly();

    /// <summary><c>crm_search_normalise(value)</c>: lower case, accents removed, as the stored search text.</summary>
    public static string Normalise(string value) => throw InDatabaseOnly();

    public static void Register(ModelBuilder model)
    {
        model.HasDbFunction(typeof(SearchSql).GetMethod(nameof(Similarity))!).HasName("similarity").HasSchema("public");
        model.HasDbFunction(typeof(SearchSql).GetMethod(nameof(Rank))!).HasName("crm_search_rank");
        model.HasDbFunction(typeof(SearchSql).GetMethod(nameof(NamesSimilar))!).HasName("crm_names_similar");
        model.HasDbFunction(typeof(SearchSql).GetMethod(nameof(Normalise))!).HasName("crm_search_normalise");
        model.HasDbFunction(typeof(SearchSql).GetMethod(nameof(Hit))!).HasName("crm_search_hit");
    }

    private static InvalidOperationException InDatabaseOnly() => new("Search functions run only inside a database query.");
}
