using HeadlessCrm.Identity.Grants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HeadlessCrm.Api.Infrastructure.Data.Configurations;

internal sealed class OAuthGrantConfiguration : IEntityTypeConfiguration<OAuthGrant>
{
    public void Configure(EntityTypeBuilder<OAuthGrant> builder)
    {
        builder.ToTable("oauth_grants");
        builder.HasKey(g => g.Id);
    }
}

internal sealed class AuthorizationCodeConfiguration : IEntityTypeConfiguration<AuthorizationCode>
{
    public void Configure(EntityTypeBuilder<AuthorizationCode> builder)
    {
        builder.ToTable("oauth_authorization_codes");
        builder.HasKey(c => c.CodeHash);
        builder.HasOne<OAuthGrant>().WithMany().HasForeignKey(c => c.GrantId);
    }
}

internal sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> builder)
    {
        builder.ToTable("oauth_refresh_tokens");
        builder.HasKey(t => t.TokenHash);
        builder.HasOne<OAuthGrant>().WithMany().HasForeignKey(t => t.GrantId);
    }
}

internal sealed class RevokedTokenConfiguration : IEntityTypeConfiguration<RevokedToken>
{
    public void Configure(EntityTypeBuilder<RevokedToken> builder)
    {
        builder.ToTable("oauth_revoked_tokens");
        builder.HasKey(t => t.TokenId);
    }
}
