using HeadlessCrm.Api.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HeadlessCrm.Api.Infrastructure.Data.Configurations;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.HasKey(m => new { m.WorkspaceId, m.Id });
        builder.Property(m => m.Role).AsName();
        builder.Property(m => m.Version).IsRowVersion().HasColumnName("xmin");
    }
}
