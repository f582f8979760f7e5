using HeadlessCrm.Identity.Clients;
using HeadlessCrm.Identity.Grants;
using HeadlessCrm.Identity.Keys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace HeadlessCrm.Identity;

/// <summary>
/// The tables the authorization server needs, provided by the host's DbContext. They are credential stores: looked up
/// by a client id or a token hash before any workspace is known.
/// </summary>
public interface IIdentityStore
{
    DbSet<OAuthClient> OAuthClients { get; }
    DbSet<SigningKey> SigningKeys { get; }
    DbSet<OAuthGrant> OAuthGrants { get; }
    DbSet<AuthorizationCode> AuthorizationCodes { get; }
    DbSet<RefreshToken> RefreshTokens { get; }
    DbSet<RevokedToken> RevokedTokens { get; }
    /// <summary>Transactions and raw SQL on the same context (key rotation takes an advisory lock).</summary>
    DatabaseFacade Database { get; }
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
