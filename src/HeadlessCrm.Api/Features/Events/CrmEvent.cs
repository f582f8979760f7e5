namespace HeadlessCrm.Api.Features.Events;

/// <summary>
/// Something that happened to a record, as written to the outbox in the same transaction as the change: the source of
/// webhooks and GraphQL subscriptions. <c>Type</c> is e.g. <c>deal.stage_changed</c>; <c>RecordType</c> the record's
/// singular name (<c>deal</c>).
/// </summary>
public sealed record CrmEvent(Guid Id, Guid WorkspaceId, string Type, string RecordType, Guid RecordId, DateTime OccurredAt);
