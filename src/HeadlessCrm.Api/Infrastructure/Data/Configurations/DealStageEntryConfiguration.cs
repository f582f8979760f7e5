using HeadlessCrm.Api.Features.Deals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HeadlessCrm.Api.Infrastructure.Data.Configurations;

internal sealed class DealStageEntryConfiguration : IEntityTypeConfiguration<DealStageEntry>
{
    public void Configure(EntityTypeBuilder<DealStageEntry> builder)
    {
        builder.ToTable("deal_stage_history");
        builder.HasKey(h => new { h.WorkspaceId, h.Id });
    }
}
