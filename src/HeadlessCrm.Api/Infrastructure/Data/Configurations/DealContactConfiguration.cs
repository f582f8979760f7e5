using HeadlessCrm.Api.Features.Deals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HeadlessCrm.Api.Infrastructure.Data.Configurations;

internal sealed class DealContactConfiguration : IEntityTypeConfiguration<DealContact>
{
    public void Configure(EntityTypeBuilder<DealContact> builder)
    {
        builder.HasKey(c => new { c.WorkspaceId, c.DealId, c.ContactId });
        builder.HasOne(c => c.Contact).WithMany(c => c.DealLinks).HasForeignKey(c => new { c.WorkspaceId, c.ContactId });
    }
}
