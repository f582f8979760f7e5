using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HeadlessCrm.Api.Tests.Reports;

/// <summary>
/// The host with a clock tests control. Access tokens from the token endpoint are signed with keys valid for real
/// time, so tests fetch them (make workspaces and members) before moving the clock and act after it with personal
/// access tokens, which the host checks against its own clock.
/// </summary>
public sealed class ReportsApi : CrmApi
{
    public TestClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
