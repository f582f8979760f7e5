using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace HeadlessCrm.Api.Infrastructure.Data;

/// <summary>Names every table and column in snake_case, as the hand-written migrations do (names already in snake_case stay).</summary>
internal static class SnakeCaseNames
{
    public static void Apply(ModelBuilder model)
    {
        foreach (var entity in model.Model.GetEntityTypes())
        {
            if (entity.GetTableName() is { } table) entity.SetTableName(Snake(table));
            Columns(entity);
        }
    }

    private static void Columns(IMutableTypeBase type)
    {
        foreach (var property in type.GetProperties()) property.SetColumnName(Snake(property.GetColumnName()));
        foreach (var complex in type.GetComplexProperties()) Columns(complex.ComplexType);
    }

    private static string Snake(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
