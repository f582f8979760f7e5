using HeadlessCrm.Api.Features.Pipelines;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HeadlessCrm.Api.Infrastructure.Data.Configurations;

internal sealed class PipelineConfiguration : IEntityTypeConfiguration<Pipeline>
{
    public void Configure(EntityTypeBuilder<Pipeline> builder)
    {
        builder.HasKey(p => new { p.WorkspaceId, p.Id });
        builder.Property(p => p.Version).IsRowVersion().HasColumnName("xmin");
        builder.HasMany(p => p.Stages).WithOne().HasForeignKey(s => new { s.WorkspaceId, s.PipelineId });
    }
}
