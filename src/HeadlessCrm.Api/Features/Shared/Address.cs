namespace HeadlessCrm.Api.Features.Shared;

/// <summary>A postal address with an optional geo point (both coordinates or neither).</summary>
public sealed record Address
{
    public static readonly Address Empty = new();

    public string? Street { get; init; }
    public string? City { get; init; }
    public string? Region { get; init; }
    public string? PostalCode { get; init; }
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string? Country { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
}
