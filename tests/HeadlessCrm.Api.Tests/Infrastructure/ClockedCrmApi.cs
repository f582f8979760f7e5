using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HeadlessCrm.Api.Tests.Infrastructure;

/// <summary>
/// The host on a <see cref="FakeClock"/> with a fast background runner, for what happens when time passes (overdue
/// tasks, reminders, important dates). A test class resets the clock in its constructor and gets its tokens before
/// moving it: OAuth access tokens are checked against real time. After a move of weeks or more, act through members'
/// personal tokens (signing keys are published by the host's clock).
/// </summary>
public class ClockedCrmApi : CrmApi
{
    public FakeClock Clock { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Crm:Background:PollInterval"] = "00:00:00.100",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }
}
