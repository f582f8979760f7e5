using HeadlessCrm.Api.Features.Companies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HeadlessCrm.Api.Infrastructure.Data.Configurations;

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> builder)
    {
        builder.MapRecord();
        builder.Property(c => c.Kind).AsName();
        builder.MapAddress(c => c.Address);
    }
}
