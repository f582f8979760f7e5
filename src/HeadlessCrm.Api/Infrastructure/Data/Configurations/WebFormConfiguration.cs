using HeadlessCrm.Api.Features.Inbound;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HeadlessCrm.Api.Infrastructure.Data.Configurations;

internal sealed class WebFormConfiguration : IEntityTypeConfiguration<WebForm>
{
    public void Configure(EntityTypeBuilder<WebForm> builder)
    {
        builder.ToTable("web_forms").HasKey(f => new { f.WorkspaceId, f.Id });
        builder.Property(f => f.FieldMap).AsJsonb();
    }
}
