using System.Collections.Concurrent;
using System.Data.Common;
using HeadlessCrm.Api.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace HeadlessCrm.Api.Tests.Graph;

/// <summary>The host with an EF Core command interceptor that records every SQL statement the CrmDbContext sends.</summary>
public sealed class StatementCountingHost : CrmApi
{
    public StatementLog Statements { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.ConfigureDbContext<CrmDbContext>(o => o.AddInterceptors(Statements)));
    }
}

/// <summary>
/// The statements sent within <see cref="Record"/>, one entry per command (a SET prefixed to it included). The test
/// server runs requests in the caller's execution context, so the flag flows into the request and not into the host's
/// background work (outbox fan-out, webhook claims), which goes on meanwhile.
/// </summary>
public sealed class StatementLog : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _commands = new();
    private readonly AsyncLocal<bool> _recording = new();

    public IReadOnlyList<string> Commands => _commands.ToArray();

    public IDisposable Record()
    {
        _commands.Clear();
        _recording.Value = true;
        return new Stop(this);
    }

    private sealed class Stop(StatementLog log) : IDisposable
    {
        public void Dispose() => log._recording.Value = false;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (_recording.Value) _commands.Enqueue(command.CommandText);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (_recording.Value) _commands.Enqueue(command.CommandText);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        if (_recording.Value) _commands.Enqueue(command.CommandText);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }
}
