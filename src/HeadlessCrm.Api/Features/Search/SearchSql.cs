using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Search;

/// <summary>The SQL functions of migration V0011 as EF functions; they run only inside queries.</summary>
public static class SearchSql
{
    /// <summary><c>crm_search_matches(search_text, query)</c>: substring, typo-tolerant word, word-prefix or phone-digit match.</summary>
    public static bool Matches(string searchText, string query) => throw InDatabaseOnly();

    /// <summary><c>crm_search_rank(search_text, query)</c>: higher is better.</summary>
    public static double Rank(string searchText, string query) => throw InDatabaseOnly();

    /// <summary>pg_trgm's <c>similarity(a, b)</c>: the share of trigrams two texts have in common (0–1).</summary>
    public static double Similarity(string? a, string? b) => throw InDatabaseOnly();

    public static void Register(ModelBuilder model)
    {
        model.HasDbFunction(typeof(SearchSql).GetMethod(nameof(Similarity))!).HasName("similarity").HasSchema("public");
        model.HasDbFunction(typeof(SearchSql).GetMethod(nameof(Matches))!).HasName("crm_search_matches");
        model.HasDbFunction(typeof(SearchSql).GetMethod(nameof(Rank))!).HasName("crm_search_rank");
    }

    private static InvalidOperationException InDatabaseOnly() => new("Search functions run only inside a database query.");
}
