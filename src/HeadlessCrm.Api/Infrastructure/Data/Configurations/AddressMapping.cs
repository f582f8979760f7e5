using HeadlessCrm.Api.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HeadlessCrm.Api.Infrastructure.Data.Configurations;

internal static class AddressMapping
{
    /// <summary>An address is columns of its record's row: address_street, …, latitude, longitude.</summary>
    public static void MapAddress<T>(this EntityTypeBuilder<T> builder, System.Linq.Expressions.Expression<Func<T, Address?>> address)
        where T : class => builder.ComplexProperty(address, a =>
        {
            a.IsRequired();
            a.Property(x => x.Street).HasColumnName("address_street");
            a.Property(x => x.City).HasColumnName("address_city");
            a.Property(x => x.Region).HasColumnName("address_region");
            a.Property(x => x.PostalCode).HasColumnName("address_postal_code");
            a.Property(x => x.Country).HasColumnName("address_country");
            a.Property(x => x.Latitude).HasColumnName("latitude");
            a.Property(x => x.Longitude).HasColumnName("longitude");
        });
}
