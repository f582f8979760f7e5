using HeadlessCrm.Api.Features.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HeadlessCrm.Api.Infrastructure.Data.Configurations;

internal sealed class DateReminderRuleConfiguration : IEntityTypeConfiguration<DateReminderRule>
{
    public void Configure(EntityTypeBuilder<DateReminderRule> builder) => builder.ToTable("date_reminder_rules").HasKey(r => new { r.WorkspaceId, r.Id });
}
