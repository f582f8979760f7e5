using System.Runtime.CompilerServices;
using HeadlessCrm.Api.Features.Events;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.GraphQL.Execution;
using HeadlessCrm.GraphQL.Types.Building;

namespace HeadlessCrm.Api.Features.Graph;

/// <summary>A change of a record as a subscription sends it: the event (e.g. <c>deal.stage_changed</c>) and the record now.</summary>
public sealed record RecordEvent<TDto>(string Type, DateTime OccurredAt, TDto Record);

/// <summary>
/// Subscriptions fed by <see cref="ICrmEventFeed"/>: the token's workspace only, and each record re-read through
/// <see cref="RecordReader"/> before it is sent, so what the caller may not see (or no longer sees) never goes out.
/// </summary>
public static class Subscriptions
{
    public static SchemaBuilder AddRecordSubscription<TEntity, TDto>(
        this SchemaBuilder builder, string field, string typeName, RecordType<TEntity, TDto> type, Func<string, bool> wanted, string description)
        where TEntity : CrmRecord where TDto : IVersioned, IRecord => builder
        .Object<RecordEvent<TDto>>($"{typeName}Event", t => t
            .Field("type", "String!", e => e.Type, "The event, as webhooks name it (e.g. deal.stage_changed).")
            .Field("occurredAt", "DateTime!", e => e.OccurredAt)
            .Field(type.Name, $"{typeName}!", e => e.Record, "The record as the caller sees it now."))
        .Subscription(s => s.Field(field, $"{typeName}Event!", f => f
            .Description($"{description} (needs {type.ReadScope}).")
            .Subscribe(c => WatchAsync(c.Inner, Caller(c.Inner, type.ReadScope), type, wanted, c.CancellationToken))));

    /// <summary>
    /// The caller, checked before the stream starts so a missing scope is the subscription's error. A WebSocket
    /// operation runs in a scope of its own: its caller is the connection's user.
    /// </summary>
    private static Infrastructure.Access.RequestContext Caller(IResolveContext context, string scope)
    {
        var caller = context.Service<Infrastructure.Access.RequestContext>();
        if (!caller.IsAuthenticated && context.User is { } user) caller.Authenticate(user);
        caller.Demand(scope);
        return caller;
    }

    private static async IAsyncEnumerable<RecordEvent<TDto>> WatchAsync<TEntity, TDto>(
        IResolveContext context, Infrastructure.Access.RequestContext caller, RecordType<TEntity, TDto> type, Func<string, bool> wanted,
        [EnumeratorCancellation] CancellationToken ct)
        where TEntity : CrmRecord where TDto : IVersioned, IRecord
    {
        var reader = context.Service<RecordReader>();
        await foreach (var change in context.Service<ICrmEventFeed>().SubscribeAsync(caller.WorkspaceId, ct))
        {
            if (change.RecordType != type.Name || !wanted(change.Type)) continue;
            var visible = await reader.GetManyAsync(type, [change.RecordId], ct);
            if (visible.TryGetValue(change.RecordId, out var record)) yield return new RecordEvent<TDto>(change.Type, change.OccurredAt, record);
        }
    }
}
