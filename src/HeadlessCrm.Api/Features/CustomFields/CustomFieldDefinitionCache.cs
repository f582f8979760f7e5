using System.Collections.Concurrent;
using HeadlessCrm.Api.Infrastructure.Data;
using HeadlessCrm.Api.Infrastructure.Hosting;

namespace HeadlessCrm.Api.Features.CustomFields;

/// <summary>
/// Each workspace's live custom field definitions, shared by this host's requests so a write does not read them
/// every time. Every committed change to a definition NOTIFYs <c>crm_custom_fields</c> with its workspace (trigger of
/// V0019); this host LISTENs and forgets that workspace's entry, and a change made here is forgotten at once too
/// (<see cref="Forget"/>). While the listening connection is down nothing is served from the cache (every request
/// reads the table, as without it), and the cache starts empty once it is back, so a missed notification cannot leave
/// a stale entry. A read that overlaps a notification is not kept (the generation check in <see cref="Keep"/>).
/// </summary>
public sealed partial class CustomFieldDefinitionCache(DatabaseRoles roles, ILogger<CustomFieldDefinitionCache> log) : BackgroundService
{
    private const string Channel = "crm_custom_fields";
    private readonly ConcurrentDictionary<Guid, IReadOnlyList<CustomFieldDefinition>> _entries = new();
    private long _generation;
    private volatile bool _listening;

    /// <summary>Taken before reading the table; <see cref="Keep"/> keeps the read only if nothing was forgotten since.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(Guid workspaceId, out IReadOnlyList<CustomFieldDefinition> definitions)
    {
        definitions = [];
        return _listening && _entries.TryGetValue(workspaceId, out definitions!);
    }

    public void Keep(Guid workspaceId, long generationBeforeRead, IReadOnlyList<CustomFieldDefinition> definitions)
    {
        if (!_listening) return;
        _entries[workspaceId] = definitions;
        // Forget bumps the generation before it removes: either it removes what was just stored, or this sees the bump.
        if (Generation != generationBeforeRead) _entries.TryRemove(workspaceId, out _);
    }

    public void Forget(Guid workspaceId)
    {
        Interlocked.Increment(ref _generation);
        _entries.TryRemove(workspaceId, out _);
    }

    private void ForgetAll()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PostgresChannel.ListenAsync(roles, Channel, OnNotification, OnListening, OnLost, stoppingToken);

    private void OnNotification(string payload)
    {
        if (Guid.TryParse(payload, out var workspaceId)) Forget(workspaceId);
        else ForgetAll();
    }

    /// <summary>Anything may have changed while nobody listened: start empty.</summary>
    private void OnListening()
    {
        ForgetAll();
        _listening = true;
    }

    private void OnLost(Exception e)
    {
        _listening = false;
        ForgetAll();
        LogLost(log, e);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the custom field definitions' notification connection; reading definitions uncached until it is back")]
    private static partial void LogLost(ILogger logger, Exception exception);
}
