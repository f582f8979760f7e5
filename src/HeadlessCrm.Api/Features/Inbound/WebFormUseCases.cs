using System.Linq.Expressions;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Inbound;

/// <summary>An admin's web forms: create, list, read, retire.</summary>
public sealed class WebFormUseCases(CrmDbContext db, RequestContext caller, TimeProvider clock)
{
    public const string DefaultHoneypot = "website";

    private static readonly Dictionary<string, string> DefaultMap = new()
    {
        ["email"] = "email", ["firstName"] = "firstName", ["lastName"] = "lastName", ["phone"] = "phone", ["title"] = "title",
        ["message"] = "message",
    };

    private static readonly Expression<Func<WebForm, WebFormDto>> Projection = f => new WebFormDto(
        f.Id, f.Name, f.FormKey, "/api/v1/forms/" + f.FormKey + "/submissions", f.AllowedOrigins, f.FieldMap, f.HoneypotField,
        f.DefaultOwnerId, f.CreatedAt, f.UpdatedAt);

    private static readonly Func<WebForm, WebFormDto> Map = Projection.Compile();

    public async Task<IReadOnlyList<WebFormDto>> ListAsync(CancellationToken ct)
    {
        caller.Demand(Scopes.Admin);
        return await db.Set<WebForm>().AsNoTracking().Where(f => f.ArchivedAt == null).OrderBy(f => f.CreatedAt).Select(Projection).ToListAsync(ct);
    }

    public async Task<WebFormDto> GetAsync(Guid id, CancellationToken ct)
    {
        caller.Demand(Scopes.Admin);
        return Map(await LoadAsync(id, ct));
    }

    public async Task<WebFormDto> CreateAsync(WebFormInput input, CancellationToken ct)
    {
        caller.Demand(Scopes.Admin);
        var map = input.FieldMap ?? DefaultMap;
        var origins = (input.AllowedOrigins ?? []).Select(WebOrigin.Normalise).ToArray();
        new RuleCheck()
            .Required(input.Name, "name")
            .Text(input.Name, "name", 200)
            .Must(origins.Length <= 20 && origins.All(o => o is not null), "allowedOrigins", "Up to 20 origins like https://www.example.com.")
            .Must(map.Count is > 0 and <= 50 && map.All(m => m.Key.Length is > 0 and <= 100 && FormFields.IsTarget(m.Value)), "fieldMap",
                $"Up to 50 form fields, each mapped to one of {string.Join(", ", FormFields.Targets)} or customFields.<key>.")
            .Must(map.ContainsValue("email"), "fieldMap", "One form field must map to email: contacts are matched on it.")
            .Text(input.HoneypotField, "honeypotField", 100)
            .ThrowIfBroken();
        if (input.DefaultOwnerId is { } owner && !await db.Members.AnyAsync(m => m.Id == owner && m.ArchivedAt == null, ct))
            throw new RuleViolationException("defaultOwnerId", "Not a member of this workspace.");
        var form = new WebForm
        {
            Name = input.Name!.Trim(),
            FormKey = SecretTokens.New("wf_"),
            AllowedOrigins = origins!,
            FieldMap = new Dictionary<string, string>(map),
            HoneypotField = string.IsNullOrWhiteSpace(input.HoneypotField) ? DefaultHoneypot : input.HoneypotField.Trim(),
            DefaultOwnerId = input.DefaultOwnerId,
        };
        db.Add(form);
        await db.SaveChangesAsync(ct);
        return Map(form);
    }

    public async Task ArchiveAsync(Guid id, CancellationToken ct)
    {
        caller.Demand(Scopes.Admin);
        var form = await LoadAsync(id, ct);
        form.ArchivedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    private async Task<WebForm> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Set<WebForm>().SingleOrDefaultAsync(f => f.Id == id && f.ArchivedAt == null, ct) ?? throw new RecordNotFoundException("form", id);
}
