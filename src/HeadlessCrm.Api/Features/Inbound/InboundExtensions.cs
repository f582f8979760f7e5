namespace HeadlessCrm.Api.Features.Inbound;

public static class InboundExtensions
{
    /// <summary>Web-form leads, call logging and logged emails.</summary>
    public static IServiceCollection AddCrmInbound(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebFormOptions>().Bind(configuration.GetSection(WebFormOptions.Section));
        services.AddScoped<WebFormUseCases>();
        services.AddScoped<FormSubmissions>();
        services.AddOptions<CallOptions>().Bind(configuration.GetSection(CallOptions.Section))
            .Validate(o => PhoneNumbers.IsKnownRegion(o.DefaultRegion), $"Crm:Calls:DefaultRegion must be one of {string.Join(", ", PhoneNumbers.KnownRegions)}.")
            .ValidateOnStart();
        services.AddScoped<CallLogging>();
        services.AddScoped<EmailLogging>();
        return services;
    }
}
