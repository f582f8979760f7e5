using System.Linq.Expressions;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Reminders;

/// <summary>A workspace's important-date reminder rules (an admin's setting).</summary>
public sealed class DateReminderUseCases(CrmDbContext db, RequestContext caller, TimeProvider clock)
{
    public const string DefaultTemplate = "{field} of {name} on {date}";

    private static readonly Dictionary<string, string> Objects = new()
    {
        ["contacts"] = "contact",
        ["companies"] = "company",
        ["deals"] = "deal",
    };

    private static readonly Expression<Func<DateReminderRule, DateReminderDto>> Projection = r => new DateReminderDto(
        r.Id, r.RecordType == "contact" ? "contacts" : r.RecordType == "company" ? "companies" : "deals",
        r.Field, r.DaysBefore, r.Yearly, r.SubjectTemplate, r.CreatedAt, r.UpdatedAt);

    private static readonly Func<DateReminderRule, DateReminderDto> Map = Projection.Compile();

    public async Task<IReadOnlyList<DateReminderDto>> ListAsync(CancellationToken ct)
    {
        caller.Demand(Scopes.Admin);
        return await db.Set<DateReminderRule>().AsNoTracking().Where(r => r.ArchivedAt == null)
            .OrderBy(r => r.CreatedAt).Select(Projection).ToListAsync(ct);
    }

    public async Task<DateReminderDto> CreateAsync(DateReminderInput input, CancellationToken ct)
    {
        caller.Demand(Scopes.Admin);
        var recordType = input.Object is null ? null : Objects.GetValueOrDefault(input.Object);
        new RuleCheck()
            .Must(recordType is not null, "object", "contacts, companies or deals.")
            .Required(input.Field, "field")
            .Must(input.Field is null || recordType is null || IsDateField(recordType, input.Field), "field",
                $"A date field: {string.Join(", ", recordType is null ? [] : DatedRecords.BuiltIn[recordType])} or customFields.<key>.")
            .Must(input.DaysBefore is null or >= 0 and <= 365, "daysBefore", "From 0 to 365.")
            .Text(input.SubjectTemplate, "subjectTemplate", 500)
            .ThrowIfBroken();
        var rule = new DateReminderRule
        {
            RecordType = recordType!,
            Field = input.Field!,
            DaysBefore = input.DaysBefore ?? 0,
            Yearly = input.Yearly ?? input.Field == "birthday",
            SubjectTemplate = string.IsNullOrWhiteSpace(input.SubjectTemplate) ? DefaultTemplate : input.SubjectTemplate.Trim(),
            NextScanAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(rule);
        await db.SaveChangesAsync(ct);
        return Map(rule);
    }

    public async Task ArchiveAsync(Guid id, CancellationToken ct)
    {
        caller.Demand(Scopes.Admin);
        var rule = await db.Set<DateReminderRule>().SingleOrDefaultAsync(r => r.Id == id && r.ArchivedAt == null, ct)
            ?? throw new RecordNotFoundException("date reminder", id);
        rule.ArchivedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    private static bool IsDateField(string recordType, string field) =>
        DatedRecords.BuiltIn[recordType].Contains(field)
        || field.StartsWith(DatedRecords.CustomPrefix, StringComparison.Ordinal) && field.Length > DatedRecords.CustomPrefix.Length
            && field.Length <= 100;
}
