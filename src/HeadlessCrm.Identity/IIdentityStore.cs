using HeadlessCrm.Identity.Clients;
using HeadlessCrm.Identity.Keys;
using Microsoft.EntityFrameworkCore;

namespace HeadlessCrm.Identity;

/// <summary>The tables the authorization server needs, provided by the host's DbContext.</summary>
public interface IIdentityStore
{
    DbSet<OAuthClient> OAuthClients { get; }
    DbSet<SigningKey> SigningKeys { get; }
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
