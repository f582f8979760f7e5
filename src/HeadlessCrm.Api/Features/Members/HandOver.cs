using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.Activities;
using HeadlessCrm.Api.Features.Audit;
using HeadlessCrm.Api.Features.Companies;
using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.Deals;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using HeadlessCrm.Api.Infrastructure.Filtering;
using HeadlessCrm.Api.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Members;

/// <summary>
/// When someone leaves or changes territory: their records (or a filtered share) pass to another member in one
/// transaction — all or nothing — with an audit event per record.
/// </summary>
public sealed class HandOver(CrmDbContext db, RequestContext caller, TimeProvider clock)
{
    private static readonly string[] AllTypes = ["companies", "contacts", "deals", "activities"];

    public async Task<HandOverResult> RunAsync(Guid fromMemberId, HandOverInput input, CancellationToken ct)
    {
        caller.Demand(Scopes.Admin);
        var types = input.RecordTypes ?? AllTypes;
        new RuleCheck()
            .Required(input.ToMemberId, "toMemberId")
            .Must(input.ToMemberId != fromMemberId, "toMemberId", "Hand over to someone else.")
            .Must(types.Length > 0 && types.All(AllTypes.Contains), "recordTypes", $"Some of: {string.Join(", ", AllTypes)}.")
            .Must(input.Filters is null || input.Filters.Keys.All(types.Contains), "filters", "Filter only the record types being handed over.")
            .ThrowIfBroken();
        var to = input.ToMemberId!.Value;
        if (!await db.Members.AnyAsync(m => m.Id == fromMemberId, ct)) throw new RecordNotFoundException("member", fromMemberId);
        if (!await db.Members.AnyAsync(m => m.Id == to && m.ArchivedAt == null, ct))
            throw new RuleViolationException("toMemberId", "No active member with this id.");

        var now = clock.GetUtcNow().UtcDateTime;
        var moved = new Dictionary<string, int>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var type in types)
        {
            var filter = input.Filters?.GetValueOrDefault(type) is { } json ? FilterParser.Parse(json, $"filters.{type}") : null;
            moved[type] = type switch
            {
                "companies" => await MoveAsync(CompanyRecords.Type, fromMemberId, to, filter, now, ct),
                "contacts" => await MoveAsync(ContactRecords.Type, fromMemberId, to, filter, now, ct),
                "deals" => await MoveAsync(DealRecords.Type, fromMemberId, to, filter, now, ct),
                _ => await MoveAsync(ActivityRecords.Type, fromMemberId, to, filter, now, ct),
            };
        }
        db.Record(Audited(now, "member", fromMemberId, new JsonObject
        {
            ["handedOverTo"] = to.ToString(),
            ["moved"] = Counts(moved),
        }), null);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new HandOverResult(fromMemberId, to, moved);
    }

    private async Task<int> MoveAsync<TEntity, TDto>(
        RecordType<TEntity, TDto> type, Guid from, Guid to, FilterNode? filter, DateTime now, CancellationToken ct)
        where TEntity : CrmRecord where TDto : IVersioned
    {
        var records = db.Set<TEntity>().Where(e => e.OwnerId == from);
        if (filter is not null) records = records.Where(type.Filters.Compile(filter));
        var ids = await records.Select(e => e.Id).ToListAsync(ct);
        if (ids.Count == 0) return 0;
        await db.Set<TEntity>().Where(e => ids.Contains(e.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.OwnerId, to).SetProperty(e => e.UpdatedAt, now), ct);
        var change = new JsonObject { ["ownerId"] = new JsonObject { ["old"] = from.ToString(), ["new"] = to.ToString() } };
        foreach (var id in ids) db.Record(Audited(now, type.Name, id, change.DeepClone().AsObject()), null);
        return ids.Count;
    }

    private AuditEvent Audited(DateTime now, string type, Guid id, JsonObject changes) =>
        AuditTrail.Event(caller, now, type, id, "handed_over", changes);

    private static JsonObject Counts(Dictionary<string, int> moved) =>
        new(moved.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)m.Value)));
}
