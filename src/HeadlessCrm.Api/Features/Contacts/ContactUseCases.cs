using System.Text.Json;
using HeadlessCrm.Api.Features.Companies;
using HeadlessCrm.Api.Features.Erasure;
using HeadlessCrm.Api.Features.Records;

namespace HeadlessCrm.Api.Features.Contacts;

/// <summary>Creating and changing contacts (reads, archive and restore are the shared record use cases).</summary>
public sealed class ContactUseCases(RecordWriter writer, RecordReferences references, ErasedEmails erasedEmails)
    : IRecordUseCases<ContactInput, ContactDto>, IPreparesBatch
{
    public Task<ContactDto> CreateAsync(ContactInput input, CancellationToken ct) =>
        writer.CreateAsync(ContactRecords.Type, input, _ => new Contact(), ApplyAsync, ct);

    public Task<ContactDto> UpdateAsync(Guid id, string? ifMatch, JsonElement patch, CancellationToken ct) =>
        writer.UpdateAsync<Contact, ContactDto, ContactInput>(ContactRecords.Type, id, ifMatch, patch, ApplyAsync, ct);

    /// <summary>The re-import blocks of every address of the batch, in one query.</summary>
    public Task PrepareAsync(IReadOnlyList<JsonElement> records, CancellationToken ct) =>
        erasedEmails.PreloadAsync([.. records.SelectMany(EmailsOf)], ct);

    private static IEnumerable<string> EmailsOf(JsonElement record) =>
        record.ValueKind == JsonValueKind.Object && record.TryGetProperty("emails", out var emails) && emails.ValueKind == JsonValueKind.Array
            ? emails.EnumerateArray()
                .Select(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null)
                .OfType<string>()
            : [];

    private async Task ApplyAsync(ContactInput input, Contact contact, CancellationToken ct)
    {
        if (input.CompanyId != contact.CompanyId) await references.EnsureVisibleAsync<Company>(input.CompanyId, "companyId", ct);
        await erasedEmails.EnsureAllowedAsync((input.Emails ?? []).Select(e => e.Value).ToList(), contact.EmailKeys, ct);
        input.ApplyTo(contact);
    }
}
