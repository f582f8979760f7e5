using HeadlessCrm.Api.Infrastructure.Background;

namespace HeadlessCrm.Api.Features.Reminders;

public static class ReminderExtensions
{
    /// <summary>Task overdue and reminder events, and important-date reminders; run by the background runner.</summary>
    public static IServiceCollection AddCrmReminders(this IServiceCollection services)
    {
        services.AddSingleton<IBackgroundWork, TaskAlerts>();
        return services;
    }
}
