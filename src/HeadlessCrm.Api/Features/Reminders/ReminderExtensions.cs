using HeadlessCrm.Api.Infrastructure.Background;

namespace HeadlessCrm.Api.Features.Reminders;

public static class ReminderExtensions
{
    /// <summary>Task overdue and reminder events, and important-date reminders; run by the background runner.</summary>
    public static IServiceCollection AddCrmReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReminderOptions>().Bind(configuration.GetSection(ReminderOptions.Section));
        services.AddScoped<DateReminderUseCases>();
        services.AddSingleton<IBackgroundWork, TaskAlerts>();
        services.AddSingleton<IBackgroundWork, DateReminders>();
        return services;
    }
}
