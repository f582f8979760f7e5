using System.Text.Json.Nodes;
using HeadlessCrm.Api.Features.Audit;
using HeadlessCrm.Api.Features.Records;
using HeadlessCrm.Api.Features.Shared;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using HeadlessCrm.Identity.Clients;
using HeadlessCrm.Identity.Grants;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.OAuthClients;

/// <summary>
/// Registering the workspace's applications (crm.admin). The tenant filter keeps each workspace to its own clients;
/// every change is written to the audit trail, secrets only as "changed".
/// </summary>
public sealed class OAuthClientUseCases(CrmDbContext db, RequestContext caller, ClientSecretHasher hasher, TokenDenyList denyList, TimeProvider clock)
{
    private const string RecordType = "oauth_client";

    public async Task<IssuedOAuthClientDto> CreateAsync(OAuthClientInput input, CancellationToken ct)
    {
        caller.Demand(Scopes.Admin);
        var check = new RuleCheck();
        input.Check(check);
        check.ThrowIfBroken();

        var now = clock.GetUtcNow().UtcDateTime;
        var client = new OAuthClient
        {
            WorkspaceId = caller.WorkspaceId,
            ClientId = "crm_" + OpaqueTokens.New()[..22],
            Name = input.Name!.Trim(),
            AllowedScopes = input.AllowedScopes!.Distinct().ToArray(),
            RedirectUris = input.RedirectUris?.Distinct().ToArray() ?? [],
            CreatedAt = now,
            UpdatedAt = now,
        };
        var secret = input.Type == OAuthClientType.Confidential ? ClientSecretHasher.NewSecret() : null;
        if (secret is not null) client.SecretHash = hasher.Hash(client, secret);
        db.OAuthClients.Add(client);
        Audit(client.Id, "created", new JsonObject
        {
            ["clientId"] = New(client.ClientId),
            ["name"] = New(client.Name),
            ["type"] = New(input.Type!.Value.ToString().ToLowerInvariant()),
            ["allowedScopes"] = New(new JsonArray([.. client.AllowedScopes.Select(s => JsonValue.Create(s))])),
            ["redirectUris"] = New(new JsonArray([.. client.RedirectUris.Select(s => JsonValue.Create(s))])),
        }, now);
        await db.SaveChangesAsync(ct);
        return new IssuedOAuthClientDto(OAuthClientDto.From(client), secret);
    }

    public async Task<IReadOnlyList<OAuthClientDto>> ListAsync(CancellationToken ct)
    {
        caller.Demand(Scopes.Admin);
        return await db.OAuthClients.AsNoTracking().OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Select(OAuthClientDto.Projection).ToListAsync(ct);
    }

    public async Task<OAuthClientDto> GetAsync(Guid id, CancellationToken ct)
    {
        caller.Demand(Scopes.Admin);
        return await db.OAuthClients.AsNoTracking().Where(c => c.Id == id).Select(OAuthClientDto.Projection).FirstOrDefaultAsync(ct)
            ?? throw new RecordNotFoundException("OAuth client", id);
    }

    /// <summary>A new secret, effective at once; the old one stops working. Tokens already issued stay valid until they expire.</summary>
    public async Task<IssuedOAuthClientDto> RotateSecretAsync(Guid id, CancellationToken ct)
    {
        caller.Demand(Scopes.Admin);
        var client = await FindAsync(id, ct);
        if (!client.IsConfidential) throw new ConflictException("A public client has no secret to rotate.");
        var secret = ClientSecretHasher.NewSecret();
        var now = clock.GetUtcNow().UtcDateTime;
        client.SecretHash = hasher.Hash(client, secret);
        client.UpdatedAt = now;
        Audit(client.Id, "secret_rotated", new JsonObject { ["clientSecret"] = new JsonObject { ["changed"] = true } }, now);
        await db.SaveChangesAsync(ct);
        return new IssuedOAuthClientDto(OAuthClientDto.From(client), secret);
    }

    /// <summary>Deletes the client with its grants, and stops every access token it holds.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        caller.Demand(Scopes.Admin);
        var client = await FindAsync(id, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await denyList.RevokeClientAsync(client.ClientId, ct);
        db.OAuthClients.Remove(client);
        Audit(client.Id, "deleted", new JsonObject { ["clientId"] = new JsonObject { ["old"] = client.ClientId } }, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private async Task<OAuthClient> FindAsync(Guid id, CancellationToken ct) =>
        await db.OAuthClients.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new RecordNotFoundException("OAuth client", id);

    private void Audit(Guid id, string action, JsonObject changes, DateTime now) =>
        db.Record(AuditTrail.Event(caller, now, RecordType, id, action, changes), null);

    private static JsonObject New(JsonNode value) => new() { ["new"] = value };
}
