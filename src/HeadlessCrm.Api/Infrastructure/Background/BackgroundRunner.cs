using HeadlessCrm.Api.Features.Events;
using Microsoft.Extensions.Options;

namespace HeadlessCrm.Api.Infrastructure.Background;

/// <summary>
/// The one loop that runs every kind of background work: each in turn until none has anything left, then a rest until
/// the poll interval passes or an event arrives (new events usually mean new deliveries).
/// </summary>
public sealed partial class BackgroundRunner(
    IEnumerable<IBackgroundWork> work, IOptions<BackgroundOptions> options, PostgresEventFeed feed, ILogger<BackgroundRunner> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        var kinds = work.ToList();
        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            foreach (var kind in kinds)
            {
                try
                {
                    busy |= await kind.RunOnceAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailure(log, e, kind.GetType().Name);
                }
            }
            if (!busy) await feed.WaitForActivityAsync(options.Value.PollInterval, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Background work {Kind} failed; it will be retried.")]
    private static partial void LogFailure(ILogger logger, Exception exception, string kind);
}
