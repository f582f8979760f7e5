using System.Globalization;
using System.Text.Json.Nodes;
using HeadlessCrm.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Reminders;

/// <summary>The records of one type with a value in a rule's date field: what the reminder scan walks.</summary>
public static class DatedRecords
{
    public sealed record Dated(Guid Id, Guid? OwnerId, string Name, DateOnly Date);

    private sealed record Row(Guid Id, Guid? OwnerId, string? Name, DateOnly? Date, JsonObject CustomFields);

    public const string CustomPrefix = "customFields.";

    /// <summary>The date fields a rule may name per record type (besides custom fields).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> BuiltIn = new Dictionary<string, string[]>
    {
        ["contact"] = ["birthday"],
        ["company"] = [],
        ["deal"] = ["expectedCloseDate"],
    };

    public static async Task<List<Dated>> LoadAsync(CrmDbContext db, DateReminderRule rule, CancellationToken ct)
    {
        var custom = rule.Field.StartsWith(CustomPrefix, StringComparison.Ordinal) ? rule.Field[CustomPrefix.Length..] : null;
        IQueryable<Row> rows = rule.RecordType switch
        {
            "contact" => db.Contacts.Where(c => c.ArchivedAt == null && (custom != null || c.Birthday != null))
                .Select(c => new Row(c.Id, c.OwnerId, ((c.FirstName ?? "") + " " + (c.LastName ?? "")).Trim(), c.Birthday, c.CustomFields)),
            "company" => db.Companies.Where(c => c.ArchivedAt == null)
                .Select(c => new Row(c.Id, c.OwnerId, c.Name, null, c.CustomFields)),
            "deal" => db.Deals.Where(d => d.ArchivedAt == null && (custom != null || d.ExpectedCloseDate != null))
                .Select(d => new Row(d.Id, d.OwnerId, d.Title, d.ExpectedCloseDate, d.CustomFields)),
            _ => throw new InvalidOperationException($"Unknown record type {rule.RecordType}."),
        };
        var loaded = await rows.AsNoTracking().ToListAsync(ct);
        return loaded
            .Select(r => (Row: r, Date: custom is null ? r.Date : CustomDate(r.CustomFields, custom)))
            .Where(x => x.Date is not null)
            .Select(x => new Dated(x.Row.Id, x.Row.OwnerId, x.Row.Name ?? "", x.Date!.Value))
            .ToList();
    }

    /// <summary>A custom field holding YYYY-MM-DD (or a timestamp, whose UTC day counts); anything else is no date.</summary>
    private static DateOnly? CustomDate(JsonObject fields, string key)
    {
        if (fields[key] is not JsonValue value || !value.TryGetValue<string>(out var text)) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            ? DateOnly.FromDateTime(at)
            : null;
    }
}
