using HeadlessCrm.Api.Features.Activities;
using HeadlessCrm.Api.Features.Audit;
using HeadlessCrm.Api.Features.Automation;
using HeadlessCrm.Api.Features.Batch;
using HeadlessCrm.Api.Features.Companies;
using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.CustomFields;
using HeadlessCrm.Api.Features.Deals;
using HeadlessCrm.Api.Features.Erasure;
using HeadlessCrm.Api.Features.Export;
using HeadlessCrm.Api.Features.Graph;
using HeadlessCrm.Api.Features.Health;
using HeadlessCrm.Api.Features.Import;
using HeadlessCrm.Api.Features.Inbound;
using HeadlessCrm.Api.Features.Members;
using HeadlessCrm.Api.Features.Merge;
using HeadlessCrm.Api.Features.OAuthClients;
using HeadlessCrm.Api.Features.Pipelines;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Reminders;
using HeadlessCrm.Api.Features.Reports;
using HeadlessCrm.Api.Features.Search;
using HeadlessCrm.Api.Features.Segments;
using HeadlessCrm.Api.Features.Timeline;
using HeadlessCrm.Api.Features.Webhooks;
using HeadlessCrm.Api.Features.Workspaces;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Diagnostics;
using HeadlessCrm.Api.Infrastructure.Http;
using HeadlessCrm.Api.Infrastructure.Idempotency;
using HeadlessCrm.Api.Infrastructure.Json;
using HeadlessCrm.Api.Infrastructure.OpenApi;
using HeadlessCrm.Api.Infrastructure.RateLimiting;
using HeadlessCrm.Identity;

namespace HeadlessCrm.Api.Infrastructure.Hosting;

public static class ApiExtensions
{
    /// <summary>The REST API: JSON conventions, problem details, and the use cases behind the endpoints.</summary>
    public static WebApplicationBuilder AddCrmApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.ConfigureHttpJsonOptions(o => CrmJson.Configure(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Instance ??= c.HttpContext.Request.Path);
        services.AddExceptionHandler<ProblemExceptionHandler>();

        services.AddScoped<RecordReader>();
        services.AddScoped<RecordWriter>();
        services.AddScoped<WriteBatch>();
        services.AddScoped<RecordLifecycle>();
        services.AddScoped<RecordReferences>();
        services.AddScoped<CustomFieldCatalog>();
        services.AddSingleton<CustomFieldDefinitionCache>();
        services.AddHostedService(sp => sp.GetRequiredService<CustomFieldDefinitionCache>());
        services.AddScoped<UniqueCustomFields>();
        services.AddScoped<CustomFieldUseCases>();
        services.AddScoped<SegmentUseCases>();
        services.AddScoped<SearchQuery>();
        services.AddScoped<RecordBatch>();
        services.AddScoped<UpsertMatcher>();
        services.AddScoped<RecordMerge>();
        services.AddScoped<DuplicateFinder>();
        services.AddScoped<ErasedEmails>();
        services.AddScoped<ContactErasure>();
        services.AddScoped<CsvExport>();
        services.AddScoped<CompanyUseCases>();
        services.AddScoped<ContactUseCases>();
        services.AddScoped<PipelineUseCases>();
        services.AddScoped<DealUseCases>();
        services.AddScoped<ActivityUseCases>();
        services.AddScoped<TimelineQuery>();
        services.AddScoped<MemberUseCases>();
        services.AddScoped<TeamUseCases>();
        services.AddScoped<PersonalTokenUseCases>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<HandOver>();
        services.AddReports();
        services.AddScoped<OAuthClientUseCases>();
        services.AddScoped<IdempotencyKeys>();
        services.AddOptions<RateLimitOptions>().Bind(builder.Configuration.GetSection(RateLimitOptions.Section));
        services.AddSingleton<RateLimiter>();
        services.AddConcurrencyLimit(builder.Configuration);
        services.AddCrmEvents(builder.Configuration);
        services.AddCrmReminders(builder.Configuration);
        services.AddCrmInbound(builder.Configuration);
        services.AddCrmAutomation(builder.Configuration);
        services.AddCrmImports(builder.Configuration);
        services.AddScoped<WorkspaceProvisioning>();
        services.AddScoped<WorkspaceBootstrap>();
        services.AddScoped<DemoData>();
        builder.AddCrmGraphQL();
        return builder.AddCrmOpenApi();
    }

    public static WebApplication UseCrmPipeline(this WebApplication app)
    {
        app.UseSqlStatementCount(app.Configuration);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // Before the limit, which leaves WebSocket upgrades (GraphQL subscriptions) out of its count.
        app.UseWebSockets();
        app.UseConcurrencyLimit();
        app.UseRequestBodyLimit(app.Configuration.GetValue("Crm:Api:MaxRequestBodyBytes", RequestBodyLimit.DefaultMaxBytes));
        app.UseAuthentication();
        app.UseRequestContext();
        app.UseRateLimits();
        app.UseAuthorization();
        app.UseIdempotency();
        // Again inside: a failure of the endpoint becomes its problem response here, where the idempotency layer
        // records it, so a retry is refused exactly as the first attempt was.
        app.UseExceptionHandler();
        return app;
    }

    public static WebApplication MapCrmEndpoints(this WebApplication app)
    {
        app.MapHealth();
        app.MapIdentityServer();
        app.MapCrmOpenApi();
        app.MapCompanies();
        app.MapContacts();
        app.MapPipelines();
        app.MapDeals();
        app.MapActivities();
        app.MapTimelines();
        app.MapMembers();
        app.MapOAuthClients();
        app.MapAudit();
        app.MapReports();
        app.MapWebhooks();
        app.MapDateReminders();
        app.MapWebForms();
        app.MapInbound();
        app.MapCustomFields();
        app.MapSegments();
        app.MapSearch();
        app.MapCrmGraphQL();
        app.MapAutomationRules();
        app.MapMerge();
        app.MapErasure();
        app.MapImports();
        return app;
    }
}
