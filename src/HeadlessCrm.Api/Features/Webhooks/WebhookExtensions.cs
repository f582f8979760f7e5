using HeadlessCrm.Api.Features.Events;
using HeadlessCrm.Api.Infrastructure.Background;

namespace HeadlessCrm.Api.Features.Webhooks;

public static class WebhookExtensions
{
    /// <summary>Events, their live feed, webhook subscriptions and the background workers that deliver them.</summary>
    public static IServiceCollection AddCrmEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section));
        services.AddOptions<BackgroundOptions>().Bind(configuration.GetSection(BackgroundOptions.Section));
        services.AddSingleton<TargetUrlPolicy>();
        services.AddScoped<WebhookUseCases>();
        services.AddSingleton<PostgresEventFeed>();
        services.AddSingleton<ICrmEventFeed>(sp => sp.GetRequiredService<PostgresEventFeed>());
        services.AddHostedService(sp => sp.GetRequiredService<PostgresEventFeed>());
        services.AddSingleton<IBackgroundWork, WebhookFanOut>();
        services.AddSingleton<IBackgroundWork, WebhookDispatcher>();
        services.AddHostedService<BackgroundRunner>();
        services.AddHttpClient(WebhookDispatcher.HttpClientName, client => client.DefaultRequestHeaders.UserAgent.ParseAdd("HeadlessCrm-Webhooks/1"))
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ConnectCallback = sp.GetRequiredService<TargetUrlPolicy>().ConnectAsync,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            });
        return services;
    }
}
