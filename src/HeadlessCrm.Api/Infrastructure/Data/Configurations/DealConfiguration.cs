using HeadlessCrm.Api.Features.Deals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HeadlessCrm.Api.Infrastructure.Data.Configurations;

internal sealed class DealConfiguration : IEntityTypeConfiguration<Deal>
{
    public void Configure(EntityTypeBuilder<Deal> builder)
    {
        builder.MapRecord();
        builder.Property(d => d.Status).AsName();
        builder.Property(d => d.Amount).HasPrecision(19, 4);
        builder.Property(d => d.Currency).HasColumnType("char(3)");
        builder.HasOne(d => d.Company).WithMany(c => c.Deals).HasForeignKey(d => new { d.WorkspaceId, d.CompanyId });
        builder.HasOne(d => d.Stage).WithMany().HasForeignKey(d => new { d.WorkspaceId, d.StageId });
        builder.HasMany(d => d.StageHistory).WithOne().HasForeignKey(h => new { h.WorkspaceId, h.DealId });
        builder.HasMany(d => d.Contacts).WithOne(c => c.Deal).HasForeignKey(c => new { c.WorkspaceId, c.DealId });
    }
}
