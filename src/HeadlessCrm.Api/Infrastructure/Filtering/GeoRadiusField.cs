using System.Linq.Expressions;
using System.Text.Json;
using HeadlessCrm.Api.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore.Query;

namespace HeadlessCrm.Api.Infrastructure.Filtering;

/// <summary>
/// A geo point (an address's latitude and longitude), filtered by distance from a centre:
/// <c>{ "field": "address", "op": "within", "value": { "lat": 52.52, "lng": 13.40, "radiusKm": 25 } }</c>.
/// Records without coordinates never match. Compiled to <c>id IN (SELECT id FROM crm_geo_matches(…))</c>, whose GiST index search runs below
/// row-level security once per query (V0016, V0027), or in a count to the array of the same ids (V0028, see
/// <see cref="FilterContext.WithinRadius{TRow}"/>); without a DbContext (a filter evaluated in memory) to the same
/// distance in C#.
/// </summary>
internal sealed class GeoRadiusField<T>(
    string name, string recordType, Expression<Func<T, Guid>> id, Expression<Func<T, double?>> latitude, Expression<Func<T, double?>> longitude)
    : IFilterField<T>
{
    public const double MaxRadiusKm = 1000;

    public string Name => name;

    public string Describe() => $"geo point: within {{lat, lng, radiusKm}} (radius up to {MaxRadiusKm:0} km)";

    public IReadOnlyCollection<FilterOperator> Operators { get; } = [FilterOperator.Within];

    public Expression<Func<T, bool>> Build(string? rest, FilterOperator op, FilterValue value, string path, FilterContext context)
    {
        if (rest is not null) throw new InvalidQueryException(path, $"'{name}' has no field '{rest}'.");
        if (op != FilterOperator.Within)
            throw new InvalidQueryException(path, $"'{name}' supports only within: {{\"lat\", \"lng\", \"radiusKm\"}}.");
        var (lat, lng, radiusKm) = Circle(value, path + ".value");

        if (context.WithinRadius(id, recordType, lat, lng, radiusKm) is { } matches) return matches;
        var record = id.Parameters[0];
        var lat2 = ReplacingExpressionVisitor.Replace(latitude.Parameters[0], record, latitude.Body);
        var lng2 = ReplacingExpressionVisitor.Replace(longitude.Parameters[0], record, longitude.Body);
        return Expression.Lambda<Func<T, bool>>(Expression.Call(typeof(GeoSql).GetMethod(nameof(GeoSql.Within))!,
            lat2, lng2, Expression.Constant(lat), Expression.Constant(lng), Expression.Constant(radiusKm)), record);
    }

    private static (double Lat, double Lng, double RadiusKm) Circle(FilterValue value, string path)
    {
        if (value.Json is not { ValueKind: JsonValueKind.Object } json)
            throw new InvalidQueryException(path, "Expected an object: {\"lat\": 52.52, \"lng\": 13.40, \"radiusKm\": 25}.");
        double? lat = null, lng = null, radius = null;
        foreach (var member in json.EnumerateObject())
        {
            switch (member.Name)
            {
                case "lat": lat = Number(member.Value, $"{path}.lat"); break;
                case "lng": lng = Number(member.Value, $"{path}.lng"); break;
                case "radiusKm": radius = Number(member.Value, $"{path}.radiusKm"); break;
                default: throw new InvalidQueryException($"{path}.{member.Name}", "Unknown member; give lat, lng and radiusKm.");
            }
        }
        if (lat is null) throw new InvalidQueryException($"{path}.lat", "Required: the centre's latitude in degrees.");
        if (lng is null) throw new InvalidQueryException($"{path}.lng", "Required: the centre's longitude in degrees.");
        if (radius is null) throw new InvalidQueryException($"{path}.radiusKm", "Required: the radius in kilometres.");
        if (lat is < -90 or > 90) throw new InvalidQueryException($"{path}.lat", "From -90 to 90.");
        if (lng is < -180 or > 180) throw new InvalidQueryException($"{path}.lng", "From -180 to 180.");
        if (radius is not (> 0 and <= MaxRadiusKm))
            throw new InvalidQueryException($"{path}.radiusKm", $"More than 0 and at most {MaxRadiusKm:0} kilometres.");
        return (lat.Value, lng.Value, radius.Value);
    }

    private static double Number(JsonElement json, string path) =>
        json.ValueKind == JsonValueKind.Number && json.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw new InvalidQueryException(path, "Expected a number.");
}
