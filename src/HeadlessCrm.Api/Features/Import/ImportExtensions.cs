using HeadlessCrm.Api.Infrastructure.Background;

namespace HeadlessCrm.Api.Features.Import;

public static class ImportExtensions
{
    /// <summary>CSV imports: the use cases, the upload, the errors download and the background work that runs them.</summary>
    public static IServiceCollection AddCrmImports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ImportOptions>().Bind(configuration.GetSection(ImportOptions.Section));
        services.AddScoped<ImportUseCases>();
        services.AddScoped<ImportUpload>();
        services.AddScoped<ImportErrorsCsv>();
        services.AddScoped<ImportChunk>();
        services.AddSingleton<IBackgroundWork, ImportRunner>();
        services.AddSingleton<IBackgroundWork, ImportRowsPurge>();
        return services;
    }
}
