using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Search;

/// <summary>pg_trgm's similarity as an EF function (duplicate detection uses it); it runs only inside queries.</summary>
public static class SearchSql
{
    /// <summary>pg_trgm's <c>similarity(a, b)</c>: the share of trigrams two texts have in common (0–1).</summary>
    public static double Similarity(string? a, string? b) => throw InDatabaseOnly();

    public static void Register(ModelBuilder model)
    {
        model.HasDbFunction(typeof(SearchSql).GetMethod(nameof(Similarity))!).HasName("similarity").HasSchema("public");
    }

    private static InvalidOperationException InDatabaseOnly() => new("Search functions run only inside a database query.");
}
