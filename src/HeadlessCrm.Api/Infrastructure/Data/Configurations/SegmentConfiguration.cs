using HeadlessCrm.Api.Features.Segments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HeadlessCrm.Api.Infrastructure.Data.Configurations;

internal sealed class SegmentConfiguration : IEntityTypeConfiguration<Segment>
{
    public void Configure(EntityTypeBuilder<Segment> builder)
    {
        builder.ToTable("segments").HasKey(s => new { s.WorkspaceId, s.Id });
        builder.Property(s => s.Filter).HasColumnType("jsonb");
    }
}
