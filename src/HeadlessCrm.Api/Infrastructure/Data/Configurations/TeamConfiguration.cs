using HeadlessCrm.Api.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HeadlessCrm.Api.Infrastructure.Data.Configurations;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.HasKey(t => new { t.WorkspaceId, t.Id });
        builder.Property(t => t.Version).IsRowVersion().HasColumnName("xmin");
    }
}
