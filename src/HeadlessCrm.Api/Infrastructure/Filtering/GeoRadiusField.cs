using System.Linq.Expressions;
using System.Text.Json;
using HeadlessCrm.Api.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore.Query;

namespace HeadlessCrm.Api.Infrastructure.Filtering;

/// <summary>
/// A geo point (an address's latitude and longitude), filtered by distance from a centre:
/// <c>{ "field": "address", "op": "within", "value": { "lat": 52.52, "lng": 13.40, "radiusKm": 25 } }</c>.
/// Records without coordinates never match. Compiled to <c>crm_geo_within</c>, which a GiST index on the point serves.
/// </summary>
internal sealed class GeoRadiusField<T>(string name, Expression<Func<T, double?>> latitude, Expression<Func<T, double?>> longitude) : IFilterField<T>
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

        var record = latitude.Parameters[0];
        var lngBody = ReplacingExpressionVisitor.Replace(longitude.Parameters[0], record, longitude.Body);
        var within = Expression.Call(typeof(GeoSql).GetMethod(nameof(GeoSql.Within))!,
            latitude.Body, lngBody, QueryParameter.Of(lat), QueryParameter.Of(lng), QueryParameter.Of(radiusKm));
        // The explicit not-null tests let the planner use the partial index (it holds only rows with coordinates).
        var body = Expression.AndAlso(
            Expression.AndAlso(
                Expression.NotEqual(latitude.Body, Expression.Constant(null, typeof(double?))),
                Expression.NotEqual(lngBody, Expression.Constant(null, typeof(double?)))),
            within);
        return Expression.Lambda<Func<T, bool>>(body, record);
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
