using HeadlessCrm.Api.Infrastructure.Background;

namespace HeadlessCrm.Api.Features.Automation;

public static class AutomationExtensions
{
    /// <summary>Automation rules and the background work that runs them on outbox events.</summary>
    public static IServiceCollection AddCrmAutomation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AutomationOptions>().Bind(configuration.GetSection(AutomationOptions.Section));
        services.AddScoped<AutomationRuleUseCases>();
        services.AddScoped<RuleActions>();
        services.AddScoped<RuleFields>();
        services.AddSingleton<IBackgroundWork, RuleRunner>();
        return services;
    }
}
