using HeadlessCrm.Api.Features.Pipelines;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HeadlessCrm.Api.Infrastructure.Data.Configurations;

internal sealed class PipelineStageConfiguration : IEntityTypeConfiguration<PipelineStage>
{
    public void Configure(EntityTypeBuilder<PipelineStage> builder)
    {
        builder.HasKey(s => new { s.WorkspaceId, s.Id });
        builder.Property(s => s.Kind).AsName();
        builder.Property(s => s.Probability).HasPrecision(4, 3);
    }
}
