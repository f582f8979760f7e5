using HeadlessCrm.Api.Features.Activities;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HeadlessCrm.Api.Features.Inbound;

/// <summary>
/// Calls from telephony systems: the other party's number in E.164, matched to a contact the caller can see whose
/// phone is the same number however it was written, logged as a call activity once per external id.
/// </summary>
public sealed class CallLogging(CrmDbContext db, RequestContext caller, ActivityUseCases activities, IOptions<CallOptions> options)
{
    /// <summary>The logged call, and whether it was logged now (false: the external id was logged before).</summary>
    public async Task<(LoggedCall Call, bool Created)> LogAsync(CallInput input, CancellationToken ct)
    {
        caller.Demand(Scopes.ActivitiesWrite);
        var inbound = input.Direction == ActivityDirection.Inbound;
        var numberField = inbound ? "from" : "to";
        var number = PhoneNumbers.ToE164(inbound ? input.From : input.To, options.Value.DefaultRegion);
        new RuleCheck()
            .Required(input.Direction, "direction")
            .Text(input.ExternalId, "externalId", 200)
            .Must(input.Direction is null || number is not null, numberField, "The other party's phone number (E.164, or national in the default region).")
            .ThrowIfBroken();

        if (await ExternalIds.FindAsync(db, input.ExternalId, ct) is { } logged)
            return (new LoggedCall(ActivityRecords.Type.Map(logged), logged.PhoneNumber ?? number!, logged.ContactId), false);

        var contact = await MatchAsync(number!, ct);
        var activity = await activities.LogAsync(new ActivityInput
        {
            Type = ActivityType.Call,
            Direction = input.Direction,
            Subject = input.Subject ?? $"{(inbound ? "Call from" : "Call to")} {number}",
            Body = input.Body,
            DurationSeconds = input.DurationSeconds,
            Outcome = input.Outcome,
            RecordingUrl = input.RecordingUrl,
            OccurredAt = input.OccurredAt,
            ContactId = contact?.Id,
            OwnerId = input.OwnerId ?? contact?.OwnerId,
        }, input.ExternalId, number, ct);
        return (new LoggedCall(activity, number!, contact?.Id), true);
    }

    private sealed record Candidate(Guid Id, Guid? OwnerId, IReadOnlyList<Contacts.ContactPhone> Phones);

    /// <summary>
    /// The oldest visible contact with this number. The database narrows by the last seven digits (stored digits keep
    /// national formatting); each candidate's numbers are then normalised and compared whole.
    /// </summary>
    private async Task<Candidate?> MatchAsync(string e164, CancellationToken ct)
    {
        var tail = e164[^7..];
        var candidates = await db.Contacts.AsNoTracking()
            .Where(c => c.ArchivedAt == null && c.PhoneKeys.Any(k => k.EndsWith(tail)))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new Candidate(c.Id, c.OwnerId, c.Phones))
            .Take(50).ToListAsync(ct);
        return candidates.FirstOrDefault(c => c.Phones.Any(p => PhoneNumbers.ToE164(p.Value, options.Value.DefaultRegion) == e164));
    }
}
