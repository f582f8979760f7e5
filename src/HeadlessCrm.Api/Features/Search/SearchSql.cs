using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Search;

/// <summary>pg_trgm's similarity tests as EF functions (duplicate detection uses them); they run only inside queries.</summary>
public static class SearchSql
{
    /// <summary>pg_trgm's <c>similarity(a, b)</c>: the share of trigrams two texts have in common (0–1).</summary>
    public static double Similarity(string? a, string? b) => throw InDatabaseOnly();

    /// <summary><c>crm_names_similar(a, b)</c> (V0016): pg_trgm's indexable <c>a % b</c> — a candidate test; check the similarity after it.</summary>
    public static bool NamesSimilar(string? a, string? b) => throw InDatabaseOnly();

    public static void Register(ModelBuilder model)
    {
        model.HasDbFunction(typeof(SearchSql).GetMethod(nameof(Similarity))!).HasName("similarity").HasSchema("public");
        model.HasDbFunction(typeof(SearchSql).GetMethod(nameof(NamesSimilar))!).HasName("crm_names_similar");
    }

    private static InvalidOperationException InDatabaseOnly() => new("Search functions run only inside a database query.");
}
