using HeadlessCrm.Api.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HeadlessCrm.Api.Infrastructure.Data.Configurations;

internal static class RecordMapping
{
    /// <summary>What every tagged record shares: the tenant-leading key, xmin as version, tags, custom fields.</summary>
    public static void MapRecord<T>(this EntityTypeBuilder<T> builder) where T : TaggedRecord
    {
        builder.HasKey(r => new { r.WorkspaceId, r.Id });
        builder.Property(r => r.Version).IsRowVersion().HasColumnName("xmin");
        builder.Property(r => r.CustomFields).AsJsonb();
    }
}
