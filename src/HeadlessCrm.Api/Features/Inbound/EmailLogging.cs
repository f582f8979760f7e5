using HeadlessCrm.Api.Features.Activities;
using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Inbound;

/// <summary>
/// Emails logged by a mail system or client: every address is matched to the contacts the caller can see, and one
/// email activity is linked to the counterpart — the sender of an inbound email, the first matching recipient (to, then
/// cc) of an outbound one.
/// </summary>
public sealed class EmailLogging(CrmDbContext db, RequestContext caller, ActivityUseCases activities)
{
    private const int MaxRecipients = 100;

    public async Task<(LoggedEmail Email, bool Created)> LogAsync(EmailInput input, CancellationToken ct)
    {
        caller.Demand(Scopes.ActivitiesWrite);
        var recipients = (input.To ?? []).Concat(input.Cc ?? []).ToList();
        new RuleCheck()
            .Must(IsAddress(input.From), "from", "The sender's email address.")
            .Must(input.To is { Length: > 0 }, "to", "At least one recipient.")
            .Must(recipients.Count <= MaxRecipients && recipients.All(IsAddress), "to", $"Up to {MaxRecipients} email addresses (to and cc).")
            .Text(input.ExternalId, "externalId", 1000)
            .ThrowIfBroken();

        if (await ExternalIds.FindAsync(db, input.ExternalId, ct) is { } logged)
            return (new LoggedEmail(ActivityRecords.Type.Map(logged), logged.ContactId is { } id ? [id] : []), false);

        var sender = Contact.EmailKey(input.From!);
        var ordered = recipients.Select(Contact.EmailKey).Prepend(sender).Distinct().ToArray();
        var matches = await db.Contacts.AsNoTracking()
            .Where(c => c.ArchivedAt == null && c.EmailKeys.Any(k => ordered.Contains(k)))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.OwnerId, c.EmailKeys })
            .Take(MaxRecipients).ToListAsync(ct);
        var byAddress = ordered.Select(a => matches.FirstOrDefault(m => m.EmailKeys.Contains(a))).ToList();
        var direction = input.Direction ?? (byAddress[0] is not null ? ActivityDirection.Inbound : ActivityDirection.Outbound);
        var counterpart = direction == ActivityDirection.Inbound ? byAddress[0] : byAddress.Skip(1).FirstOrDefault(m => m is not null);

        var activity = await activities.LogAsync(new ActivityInput
        {
            Type = ActivityType.Email,
            Direction = direction,
            Subject = string.IsNullOrWhiteSpace(input.Subject) ? "(no subject)" : input.Subject,
            Body = input.Body,
            OccurredAt = input.OccurredAt,
            ContactId = counterpart?.Id,
            OwnerId = input.OwnerId ?? counterpart?.OwnerId,
        }, input.ExternalId, null, ct);
        return (new LoggedEmail(activity, byAddress.Where(m => m is not null).Select(m => m!.Id).Distinct().ToList()), true);
    }

    private static bool IsAddress(string? address) =>
        address is { Length: > 2 and <= 320 } && address.IndexOf('@') is var at && at > 0 && at < address.Length - 1 && !address.Any(char.IsWhiteSpace);
}
