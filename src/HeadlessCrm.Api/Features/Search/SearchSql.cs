using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Search;

/// <summary>The SQL functions of migration V0011 as EF functions; they run only inside queries.</summary>
public static class SearchSql
{
    /// <summary><c>crm_search_matches(search_text, query)</c>: substring, typo-tolerant word, word-prefix or phone-digit match.</summary>
    public static bool Matches(string searchText, string query) => throw InDatabaseOnly();

    /// <summary><c>crm_search_rank(search_text, query)</c>: higher is better.</summary>
    public static double Rank(string searchText, string query) => throw InDatabaseOnly();

    public static void Register(ModelBuilder model)
    {
        model.HasDbFunction(typeof(SearchSql).GetMethod(nameof(Matches))!).HasName("crm_search_matches");
        model.HasDbFunction(typeof(SearchSql).GetMethod(nameof(Rank))!).HasName("crm_search_rank");
    }

    private static InvalidOperationException InDatabaseOnly() => new("Search functions run only inside a database query.");
}
