using System.Text.Json;
using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.Activities;
using HeadlessCrm.Api.Features.Contacts;
using HeadlessCrm.Api.Features.Events;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using HeadlessCrm.Api.Infrastructure.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HeadlessCrm.Api.Features.Inbound;

/// <summary>
/// A lead posted from a website: the form key names the workspace, and the work is done there as the system (so the
/// email dedupe sees every contact, whoever owns it). A known email updates that contact's blanks; a new one makes a
/// contact with source web_form owned by the form's default owner. Either way a note records the submission and
/// <c>lead.captured</c> is raised, all in one transaction.
/// </summary>
public sealed class FormSubmissions(
    CrmDbContext db, RequestContext caller, RateLimiter limiter, ContactUseCases contacts, ActivityUseCases activities,
    IOptions<WebFormOptions> options, TimeProvider clock)
{
    private sealed record FormRef(Guid WorkspaceId, Guid FormId);

    public WebFormOptions Options => options.Value;

    /// <summary>The live form with this key, entering its workspace as the system; null for an unknown or retired key.</summary>
    public async Task<WebForm?> FindAsync(string key, CancellationToken ct)
    {
        if (key.Length > 100) return null;
        var found = await db.Database.SqlQuery<FormRef>(
            $"""SELECT workspace_id AS "WorkspaceId", form_id AS "FormId" FROM crm_resolve_form_key({key})""").SingleOrDefaultAsync(ct);
        if (found is null) return null;
        caller.ActAsSystem(found.WorkspaceId, [Scopes.ContactsWrite, Scopes.ActivitiesWrite]);
        return await db.Set<WebForm>().AsNoTracking().SingleAsync(f => f.Id == found.FormId, ct);
    }

    /// <summary>A form without an allow-list takes posts from anywhere; one with a list only from pages of those origins.</summary>
    public static bool Allows(WebForm form, string? origin) =>
        form.AllowedOrigins.Length == 0 || WebOrigin.Normalise(origin) is { } normalised && form.AllowedOrigins.Contains(normalised);

    /// <summary>One submission's token from the form key's bucket, shared by all hosts.</summary>
    public Task<RateLimiter.Decision> ThrottleAsync(WebForm form, CancellationToken ct) =>
        limiter.AcquireAsync(form.WorkspaceId, $"form:{form.Id}", Options.Submissions, Options.Window, ct);

    /// <summary>True when the honeypot field is filled: answer as usual, keep nothing.</summary>
    public static bool IsSpam(WebForm form, IReadOnlyDictionary<string, string> submitted) =>
        form.HoneypotField is { } honeypot && submitted.TryGetValue(honeypot, out var value) && !string.IsNullOrWhiteSpace(value);

    public async Task SubmitAsync(WebForm form, IReadOnlyDictionary<string, string> submitted, CancellationToken ct)
    {
        var fields = new FormFields(form, submitted);
        var email = fields["email"];
        new RuleCheck()
            .Must(email is { Length: <= 320 } && email.IndexOf('@') is > 0 && email.IndexOf('@') < email.Length - 1, fields.EmailField, "An email address.")
            .Text(fields.Transcript, "body", 100_000)
            .ThrowIfBroken();
        var emailKey = Contact.EmailKey(email!);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Two submissions of one new email at once must not make two contacts.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({$"lead:{form.WorkspaceId}:{emailKey}"}, 0))", ct);
        var known = await db.Contacts.AsNoTracking().Where(c => c.ArchivedAt == null && c.EmailKeys.Contains(emailKey))
            .OrderBy(c => c.CreatedAt).FirstOrDefaultAsync(ct);
        var contact = known is null
            ? await contacts.CreateAsync(NewContact(form, fields, email!), ct)
            : await contacts.UpdateAsync(known.Id, null, JsonSerializer.SerializeToElement(FillBlanks(known, fields)), ct);
        var note = await activities.CreateAsync(new ActivityInput
        {
            Type = ActivityType.Note,
            Subject = $"Web form: {form.Name}",
            Body = fields.Transcript,
            ContactId = contact.Id,
            OwnerId = contact.OwnerId ?? form.DefaultOwnerId,
        }, ct);
        var saved = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == contact.Id, ct);
        db.Notify(Outbox.Notice(EventTypes.LeadCaptured, "contact", saved.Id, saved, clock.GetUtcNow().UtcDateTime, new JsonObject
        {
            ["formId"] = form.Id.ToString(),
            ["formName"] = form.Name,
            ["newContact"] = known is null,
            ["activityId"] = note.Id.ToString(),
        }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static ContactInput NewContact(WebForm form, FormFields fields, string email) => new()
    {
        FirstName = fields["firstName"],
        LastName = fields["lastName"],
        Title = fields["title"],
        Emails = [new ContactEmail(email, null, true)],
        Phones = fields["phone"] is { } phone ? [new ContactPhone(phone, null, true)] : [],
        Source = SourceChannel.WebForm,
        OwnerId = form.DefaultOwnerId,
        CustomFields = fields.CustomFields(),
    };

    /// <summary>A merge patch that fills what the contact lacks; what the team already knows is never overwritten.</summary>
    private static JsonObject FillBlanks(Contact known, FormFields fields)
    {
        var patch = new JsonObject();
        if (known.FirstName is null && fields["firstName"] is { } first) patch["firstName"] = first;
        if (known.LastName is null && fields["lastName"] is { } last) patch["lastName"] = last;
        if (known.Title is null && fields["title"] is { } title) patch["title"] = title;
        if (fields["phone"] is { } phone && Contact.PhoneKey(phone) is { Length: > 0 } key && !known.PhoneKeys.Contains(key))
            patch["phones"] = JsonSerializer.SerializeToNode(known.Phones.Append(new ContactPhone(phone)).ToArray(), CrmJsonOptions);
        var custom = new JsonObject(fields.CustomFields().Where(f => !known.CustomFields.ContainsKey(f.Key))
            .Select(f => KeyValuePair.Create(f.Key, f.Value?.DeepClone())));
        if (custom.Count > 0) patch["customFields"] = custom;
        return patch;
    }

    private static readonly JsonSerializerOptions CrmJsonOptions = Infrastructure.Json.CrmJson.Options;
}
