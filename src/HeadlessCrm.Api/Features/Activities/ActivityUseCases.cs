using System.Text.Json;
using HeadlessCrm.Api.Features.Companies;
using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.Deals;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;

namespace HeadlessCrm.Api.Features.Activities;

/// <summary>Logging activities and managing tasks (reads, archive and restore are the shared record use cases).</summary>
public sealed class ActivityUseCases(RecordWriter writer, RecordReferences references, TimeProvider clock)
    : IRecordUseCases<ActivityInput, ActivityDto>
{
    public Task<ActivityDto> CreateAsync(ActivityInput input, CancellationToken ct) =>
        writer.CreateAsync(ActivityRecords.Type, input.Stamped(clock.GetUtcNow().UtcDateTime), _ => new Activity(), ApplyAsync, ct);

    /// <summary>A call or email reported by another system, under its id there (unique per workspace) and, for calls, the number.</summary>
    public Task<ActivityDto> LogAsync(ActivityInput input, string? externalId, string? phoneNumber, CancellationToken ct) =>
        writer.CreateAsync(ActivityRecords.Type, input.Stamped(clock.GetUtcNow().UtcDateTime),
            _ => new Activity { ExternalId = externalId, PhoneNumber = phoneNumber }, ApplyAsync, ct);

    public Task<ActivityDto> UpdateAsync(Guid id, string? ifMatch, JsonElement patch, CancellationToken ct) =>
        writer.UpdateAsync<Activity, ActivityDto, ActivityInput>(ActivityRecords.Type, id, ifMatch, patch, ApplyAsync, ct);

    private async Task ApplyAsync(ActivityInput input, Activity activity, CancellationToken ct)
    {
        var creating = activity.CreatedAt == default;
        if (!creating && input.Type != activity.Type)
            throw new RuleViolationException("type", "An activity's type cannot change; log a new one.");
        if (input.ContactId != activity.ContactId) await references.EnsureVisibleAsync<Contact>(input.ContactId, "contactId", ct);
        if (input.CompanyId != activity.CompanyId) await references.EnsureVisibleAsync<Company>(input.CompanyId, "companyId", ct);
        if (input.DealId != activity.DealId) await references.EnsureVisibleAsync<Deal>(input.DealId, "dealId", ct);
        input.ApplyTo(activity);
    }
}
