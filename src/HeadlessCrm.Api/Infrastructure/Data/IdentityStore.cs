using HeadlessCrm.Identity;
using HeadlessCrm.Identity.Clients;
using HeadlessCrm.Identity.Grants;
using HeadlessCrm.Identity.Keys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace HeadlessCrm.Api.Infrastructure.Data;

/// <summary>
/// The authorization server's tables on the request's <see cref="CrmDbContext"/>. A separate object on purpose: were
/// the context registered under this interface too, the request scope would dispose it twice, and a pooled context
/// disposed twice can be handed back to the pool a second time while another request has already rented it — that
/// request then fails with <see cref="ObjectDisposedException"/>, or two requests share one context.
/// </summary>
public sealed class IdentityStore(CrmDbContext db) : IIdentityStore
{
    public DbSet<OAuthClient> OAuthClients => db.OAuthClients;
    public DbSet<SigningKey> SigningKeys => db.SigningKeys;
    public DbSet<OAuthGrant> OAuthGrants => db.OAuthGrants;
    public DbSet<AuthorizationCode> AuthorizationCodes => db.AuthorizationCodes;
    public DbSet<RefreshToken> RefreshTokens => db.RefreshTokens;
    public DbSet<RevokedToken> RevokedTokens => db.RevokedTokens;
    public DatabaseFacade Database => db.Database;
    public Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) => db.SaveChangesAsync(cancellationToken);
}
