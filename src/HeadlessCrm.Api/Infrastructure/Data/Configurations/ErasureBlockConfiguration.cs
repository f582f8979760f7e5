using HeadlessCrm.Api.Features.Erasure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HeadlessCrm.Api.Infrastructure.Data.Configurations;

internal sealed class ErasureBlockConfiguration : IEntityTypeConfiguration<ErasureBlock>
{
    public void Configure(EntityTypeBuilder<ErasureBlock> builder) => builder.ToTable("erasure_blocks").HasKey(b => new { b.WorkspaceId, b.EmailHash });
}
