using System.Threading.Channels;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using HeadlessCrm.Api.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Events;

/// <summary>
/// Every host LISTENs on <c>crm_events</c>; the outbox's trigger NOTIFYs each committed event as
/// <c>workspace:event</c>. The feed reads the event and hands it to this host's subscribers of that workspace, and
/// wakes the background runner. A lost connection is re-established; events committed meanwhile reach webhooks
/// (through the outbox) but not live subscribers.
/// </summary>
public sealed partial class PostgresEventFeed(DatabaseRoles roles, IServiceScopeFactory scopes, ILogger<PostgresEventFeed> log)
    : BackgroundService, ICrmEventFeed
{
    private const string Channel = "crm_events";
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, List<Channel<CrmEvent>>> _subscribers = [];
    private TaskCompletionSource _activity = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async IAsyncEnumerable<CrmEvent> SubscribeAsync(Guid workspaceId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var channel = System.Threading.Channels.Channel.CreateBounded<CrmEvent>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_gate)
        {
            if (!_subscribers.TryGetValue(workspaceId, out var list)) _subscribers[workspaceId] = list = [];
            list.Add(channel);
        }
        try
        {
            await foreach (var crmEvent in channel.Reader.ReadAllAsync(ct)) yield return crmEvent;
        }
        finally
        {
            lock (_gate)
            {
                _subscribers[workspaceId].Remove(channel);
                if (_subscribers[workspaceId].Count == 0) _subscribers.Remove(workspaceId);
            }
        }
    }

    /// <summary>Returns when an event arrives or the timeout passes, whichever is first.</summary>
    public async Task WaitForActivityAsync(TimeSpan timeout, CancellationToken ct)
    {
        Task activity;
        lock (_gate) activity = _activity.Task;
        await Task.WhenAny(activity, Task.Delay(timeout, ct));
        ct.ThrowIfCancellationRequested();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PostgresChannel.ListenAsync(roles, Channel, payload => _ = OnNotificationAsync(payload), () => { }, e => LogLost(log, e), stoppingToken);

    private async Task OnNotificationAsync(string payload)
    {
        TaskCompletionSource woken;
        lock (_gate)
        {
            woken = _activity;
            _activity = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        woken.TrySetResult();

        var parts = payload.Split(':');
        if (parts.Length != 2 || !Guid.TryParse(parts[0], out var workspaceId) || !Guid.TryParse(parts[1], out var eventId)) return;
        List<Channel<CrmEvent>> listeners;
        lock (_gate)
        {
            if (!_subscribers.TryGetValue(workspaceId, out var list)) return;
            listeners = [.. list];
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<RequestContext>().ActAsSystem(workspaceId, []);
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var stored = await db.OutboxEvents.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId);
            if (stored is null) return;
            foreach (var listener in listeners) listener.Writer.TryWrite(stored.ToCrmEvent());
        }
        catch (Exception e)
        {
            LogLost(log, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The event feed lost its connection; reconnecting.")]
    private static partial void LogLost(ILogger logger, Exception exception);
}
