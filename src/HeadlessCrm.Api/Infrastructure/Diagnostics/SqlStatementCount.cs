using System.Diagnostics;
using System.Globalization;

namespace HeadlessCrm.Api.Infrastructure.Diagnostics;

/// <summary>
/// <c>Crm:Diagnostics:CountSql</c> (off by default): every response carries <c>X-Sql-Commands</c>, the number of
/// commands (database round trips) the request sent to PostgreSQL before its headers went out — what the benchmark
/// harness reports per scenario. Counted from Npgsql's tracing (its ActivitySource), so EF queries, SaveChanges
/// batches and raw Npgsql commands (rate limits, idempotency) all count; physical connection opens do not. When off,
/// no listener exists and Npgsql creates no activities.
/// </summary>
public static class SqlStatementCount
{
    public const string Setting = "Crm:Diagnostics:CountSql";
    public const string Header = "X-Sql-Commands";

    private static readonly AsyncLocal<Counter?> Current = new();
    private static readonly Lock ListenerLock = new();
    private static ActivityListener? _listener;

    public static IApplicationBuilder UseSqlStatementCount(this IApplicationBuilder app, IConfiguration configuration)
    {
        if (!configuration.GetValue<bool>(Setting)) return app;
        StartListening();
        return app.Use(async (context, next) =>
        {
            var counter = new Counter();
            Current.Value = counter;
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[Header] = counter.Value.ToString(CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            await next(context);
        });
    }

    private static void StartListening()
    {
        lock (ListenerLock)
        {
            if (_listener is not null) return;
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
                ActivityStarted = activity =>
                {
                    if (Current.Value is { } counter && !activity.OperationName.StartsWith("CONNECT", StringComparison.Ordinal))
                        counter.Increment();
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }
    }

    private sealed class Counter
    {
        private int _value;

        public int Value => Volatile.Read(ref _value);

        public void Increment() => Interlocked.Increment(ref _value);
    }
}
