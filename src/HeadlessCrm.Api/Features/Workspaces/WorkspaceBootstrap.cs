using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Data;
using HeadlessCrm.Identity.Clients;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Api.Features.Workspaces;

/// <summary>
/// <c>Crm:Bootstrap:ClientId</c> / <c>ClientSecret</c>: on start, make sure a workspace exists with a confidential
/// client of that id and secret holding every scope — how a fresh deployment (or a test harness) gets its first token.
/// </summary>
public sealed partial class WorkspaceBootstrap(
    IConfiguration configuration,
    CrmDbContext db,
    WorkspaceProvisioning provisioning,
    ClientSecretHasher hasher,
    DemoData demo,
    ILogger<WorkspaceBootstrap> log)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var clientId = configuration["Crm:Bootstrap:ClientId"];
        var secret = configuration["Crm:Bootstrap:ClientSecret"];
        if (string.IsNullOrWhiteSpace(clientId) || string.IsNullOrWhiteSpace(secret)) return;

        var client = await db.OAuthClients.IgnoreQueryFilters([CrmDbContext.TenantFilter]).FirstOrDefaultAsync(c => c.ClientId == clientId, ct);
        if (client is null)
        {
            var workspace = await provisioning.CreateWorkspaceAsync(configuration["Crm:Bootstrap:WorkspaceName"] ?? "My workspace", ct);
            await provisioning.CreateClientAsync(workspace.Id, clientId, secret, Scopes.All, "Bootstrap client", ct);
            if (configuration.GetValue<bool>("Crm:Bootstrap:DemoData")) await demo.SeedAsync(workspace.Id, ct);
            LogCreated(log, clientId);
            return;
        }

        // Keep the configured secret and the full scope set authoritative across restarts.
        if (!hasher.Verify(client, secret)) client.SecretHash = hasher.Hash(client, secret);
        if (!Scopes.All.All(client.AllowedScopes.Contains)) client.AllowedScopes = Scopes.All.ToArray();
        await db.SaveChangesAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bootstrap: created a workspace and the client '{ClientId}' with every scope.")]
    private static partial void LogCreated(ILogger logger, string clientId);
}
