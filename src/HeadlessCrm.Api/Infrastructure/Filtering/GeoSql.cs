using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Infrastructure.Filtering;

/// <summary>The geo functions of migration V0016 as EF functions.</summary>
public static class GeoSql
{
    /// <summary>The mean Earth radius the SQL functions use, in kilometres.</summary>
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>
    /// <c>crm_geo_within(latitude, longitude, centre…, radius_km)</c>: the point lies within the radius of the centre,
    /// along the surface. Outside a query (a filter evaluated in memory) it is the same great-circle distance.
    /// </summary>
    public static bool Within(double? latitude, double? longitude, double centreLatitude, double centreLongitude, double radiusKm) =>
        latitude is { } lat && longitude is { } lng && DistanceKm(lat, lng, centreLatitude, centreLongitude) <= radiusKm;

    /// <summary>Great-circle distance (haversine) on the sphere of <see cref="EarthRadiusKm"/>.</summary>
    public static double DistanceKm(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(latitude2 - latitude1);
        var dLng = Radians(longitude2 - longitude1);
        var h = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Radians(latitude1)) * Math.Cos(Radians(latitude2)) * Math.Pow(Math.Sin(dLng / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    public static void Register(ModelBuilder model)
    {
        model.HasDbFunction(typeof(GeoSql).GetMethod(nameof(Within))!).HasName("crm_geo_within");
    }
}
