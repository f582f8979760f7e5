using HeadlessCrm.Api.Features.Pipelines;
using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using HeadlessCrm.Identity.Clients;

namespace HeadlessCrm.Api.Features.Workspaces;

/// <summary>Creates workspaces (with the default sales pipeline) and their OAuth clients.</summary>
public sealed class WorkspaceProvisioning(CrmDbContext db, RequestContext caller, ClientSecretHasher hasher, TimeProvider clock)
{
    private static readonly (string Name, decimal Probability, StageKind Kind)[] DefaultStages =
    [
        ("Qualification", 0.1m, StageKind.Open),
        ("Meeting scheduled", 0.2m, StageKind.Open),
        ("Proposal sent", 0.5m, StageKind.Open),
        ("Negotiation", 0.8m, StageKind.Open),
        ("Won", 1m, StageKind.Won),
        ("Lost", 0m, StageKind.Lost),
    ];

    /// <summary>A new workspace with a "Sales pipeline"; this scope then acts for it.</summary>
    public async Task<Workspace> CreateWorkspaceAsync(string name, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var workspace = new Workspace { Name = name, CreatedAt = now, UpdatedAt = now };
        caller.ActAsSystem(workspace.Id, Scopes.All);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The workspace row first: EF's model does not relate tenant rows to it, so it would not order the inserts.
        db.Workspaces.Add(workspace);
        await db.SaveChangesAsync(ct);
        var pipeline = new Pipeline { Name = "Sales pipeline", Position = 0 };
        pipeline.Stages.AddRange(DefaultStages.Select((s, i) => new PipelineStage
        {
            PipelineId = pipeline.Id,
            Name = s.Name,
            Position = i,
            Probability = s.Probability,
            Kind = s.Kind,
        }));
        db.Pipelines.Add(pipeline);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return workspace;
    }

    /// <summary>
    /// A client of the workspace with the given id and scopes: confidential with <paramref name="secret"/>, public
    /// (a SPA or mobile app signing members in) without one.
    /// </summary>
    public async Task<OAuthClient> CreateClientAsync(
        Guid workspaceId, string clientId, string? secret, IEnumerable<string> scopes, string name, CancellationToken ct, IEnumerable<string>? redirectUris = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var client = new OAuthClient
        {
            WorkspaceId = workspaceId,
            ClientId = clientId,
            Name = name,
            AllowedScopes = scopes.ToArray(),
            RedirectUris = redirectUris?.ToArray() ?? [],
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (secret is not null) client.SecretHash = hasher.Hash(client, secret);
        db.OAuthClients.Add(client);
        await db.SaveChangesAsync(ct);
        return client;
    }
}
