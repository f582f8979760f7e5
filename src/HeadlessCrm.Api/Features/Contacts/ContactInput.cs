using System.Net.Mail;
using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;

namespace HeadlessCrm.Api.Features.Contacts;

/// <summary>The writable fields of a contact: the body of a create, and what a merge patch is applied to.</summary>
public sealed record ContactInput : IRecordInput<Contact, ContactInput>
{
    public const int MaxEmails = 20;
    public const int MaxPhones = 20;

    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    /// <summary>Several addresses; at most one primary (the first is primary when none is marked).</summary>
    public ContactEmail[]? Emails { get; init; }
    public ContactPhone[]? Phones { get; init; }
    public string? Title { get; init; }
    public Guid? CompanyId { get; init; }
    public DateOnly? Birthday { get; init; }
    public Address? Address { get; init; }
    /// <summary>Defaults to lead.</summary>
    public LifecycleStage? LifecycleStage { get; init; }
    public SourceChannel? Source { get; init; }
    /// <summary>A member of the workspace; defaults to the calling member.</summary>
    public Guid? OwnerId { get; init; }
    public string[]? Tags { get; init; }
    public JsonObject? CustomFields { get; init; }

    public static ContactInput From(Contact c) => new()
    {
        FirstName = c.FirstName,
        LastName = c.LastName,
        Emails = [.. c.Emails],
        Phones = [.. c.Phones],
        Title = c.Title,
        CompanyId = c.CompanyId,
        Birthday = c.Birthday,
        Address = c.Address,
        LifecycleStage = c.LifecycleStage,
        Source = c.Source,
        OwnerId = c.OwnerId,
        Tags = c.Tags,
        CustomFields = c.CustomFields,
    };

    public void Check(RuleCheck check)
    {
        check.Must(!string.IsNullOrWhiteSpace(FirstName) || !string.IsNullOrWhiteSpace(LastName) || Emails is { Length: > 0 },
                "lastName", "A contact needs a first name, a last name or an email.")
            .Text(FirstName, "firstName", 100)
            .Text(LastName, "lastName", 100)
            .Text(Title, "title", 200)
            .Required(LifecycleStage, "lifecycleStage")
            .Must(Birthday is null || Birthday.Value.Year >= 1900, "birthday", "A date from 1900 on.")
            .Address(Address)
            .Tags(Tags)
            .CustomFields(CustomFields);

        var emails = Emails ?? [];
        if (emails.Any(e => e is null) || (Phones ?? []).Any(p => p is null))
        {
            check.Must(false, emails.Any(e => e is null) ? "emails" : "phones", "Entries cannot be null.");
            return;
        }
        check.Must(emails.Length <= MaxEmails, "emails", $"At most {MaxEmails} emails.")
            .Must(emails.Count(e => e.Primary) <= 1, "emails", "At most one primary email.")
            .Must(emails.Select(e => Contact.EmailKey(e.Value ?? "")).Distinct().Count() == emails.Length, "emails", "Each email once.");
        for (var i = 0; i < emails.Length; i++)
        {
            check.Must(IsEmail(emails[i].Value), $"emails[{i}].value", "An email address like name@example.com.")
                .Text(emails[i].Label, $"emails[{i}].label", 50);
        }

        var phones = Phones ?? [];
        check.Must(phones.Length <= MaxPhones, "phones", $"At most {MaxPhones} phone numbers.")
            .Must(phones.Count(p => p.Primary) <= 1, "phones", "At most one primary phone number.");
        for (var i = 0; i < phones.Length; i++)
        {
            var digits = Contact.PhoneKey(phones[i].Value ?? "");
            check.Must(digits.Length is >= 3 and <= 15 && (phones[i].Value ?? "").Length <= 50, $"phones[{i}].value",
                    "A phone number of 3 to 15 digits (spaces, dashes, parentheses and a leading + allowed).")
                .Text(phones[i].Label, $"phones[{i}].label", 50);
        }
    }

    public void ApplyTo(Contact c)
    {
        c.FirstName = FirstName?.Trim();
        c.LastName = LastName?.Trim();
        c.SetEmails(WithPrimary(Emails ?? [], e => e.Primary, e => e with { Primary = true })
            .Select(e => e with { Value = e.Value.Trim() }).ToList());
        c.SetPhones(WithPrimary(Phones ?? [], p => p.Primary, p => p with { Primary = true })
            .Select(p => p with { Value = p.Value.Trim() }).ToList());
        c.Title = Title;
        c.CompanyId = CompanyId;
        c.Birthday = Birthday;
        c.Address = Address ?? new Address();
        c.LifecycleStage = LifecycleStage!.Value;
        c.Source = Source;
        c.OwnerId = OwnerId;
        c.Tags = RuleCheck.NormaliseTags(Tags);
        c.CustomFields = CustomFields ?? [];
    }

    public ContactInput WithDefaults(Guid? callerMemberId) => this with
    {
        LifecycleStage = LifecycleStage ?? Contacts.LifecycleStage.Lead,
        OwnerId = OwnerId ?? callerMemberId,
    };

    private static IEnumerable<T> WithPrimary<T>(IReadOnlyList<T> items, Func<T, bool> isPrimary, Func<T, T> makePrimary) =>
        items.Any(isPrimary) ? items : items.Select((item, i) => i == 0 ? makePrimary(item) : item);

    private static bool IsEmail(string? value) =>
        value is { Length: > 0 and <= 254 } && MailAddress.TryCreate(value.Trim(), out var address) && address.Address == value.Trim()
        && address.Host.Contains('.');
}
