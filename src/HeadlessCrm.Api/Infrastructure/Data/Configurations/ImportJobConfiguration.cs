using HeadlessCrm.Api.Features.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HeadlessCrm.Api.Infrastructure.Data.Configurations;

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> builder)
    {
        builder.ToTable("import_jobs").HasKey(j => new { j.WorkspaceId, j.Id });
        builder.Property(j => j.Columns).HasColumnType("jsonb");
    }
}
