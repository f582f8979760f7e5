using System.Buffers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using HeadlessCrm.Identity.Keys;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HeadlessCrm.Identity.Tokens;

/// <summary>
/// The API's bearer-token validation: the JSON web token handler's checks, and a valid token remembered (by the
/// SHA-256 of its text, not the text) until it expires, so a client's next requests skip parsing and verifying the
/// same signature. A remembered token is accepted only while, at each request: the clock is before its expiry
/// (validation itself would allow the clock skew after it); the signing key ring this host holds still has its key (a
/// key removed or retired stops its tokens as soon as the ring drops it); and the issuer check still passes (per
/// request when <c>Crm:Auth:Issuer</c> is unset). The revocation check is not part of validation: it runs on every
/// request after it (<c>OnTokenValidated</c>). At most <see cref="IdentityServerOptions.ValidatedTokenCacheSize"/>
/// tokens are remembered.
/// </summary>
public sealed class CachingAccessTokenHandler : JsonWebTokenHandler, IDisposable
{
    private const int StackHashLimit = 4096;

    private readonly SigningKeyRing _keys;
    private readonly MemoryCache _validated;

    public CachingAccessTokenHandler(SigningKeyRing keys, IOptions<IdentityServerOptions> options)
    {
        _keys = keys;
        _validated = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.ValidatedTokenCacheSize });
        MapInboundClaims = false;
    }

    private sealed record Validated(JsonWebToken Token, ClaimsIdentity Identity);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var key = HashOf(token);
        if (_validated.TryGetValue(key, out Validated? known) && known is not null)
        {
            if (StillValid(known.Token, validationParameters))
                return new TokenValidationResult
                {
                    IsValid = true,
                    SecurityToken = known.Token,
                    ClaimsIdentity = known.Identity.Clone(),
                    Issuer = known.Token.Issuer,
                };
            _validated.Remove(key);
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result is { IsValid: true, SecurityToken: JsonWebToken jwt, ClaimsIdentity: { } identity })
            _validated.Set(key, new Validated(jwt, identity.Clone()),
                new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero) });
        return result;
    }

    private bool StillValid(JsonWebToken token, TokenValidationParameters parameters)
    {
        if (DateTime.UtcNow >= token.ValidTo || !_keys.Trusts(token.Kid)) return false;
        if (parameters.IssuerValidator is not { } validateIssuer) return false;
        try
        {
            validateIssuer(token.Issuer, token, parameters);
            return true;
        }
        catch (SecurityTokenException)
        {
            return false;
        }
    }

    private static string HashOf(string token)
    {
        var length = Encoding.UTF8.GetMaxByteCount(token.Length);
        var rented = length > StackHashLimit ? ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            Span<byte> utf8 = rented ?? stackalloc byte[StackHashLimit];
            var written = Encoding.UTF8.GetBytes(token, utf8);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(utf8[..written], hash);
            return Convert.ToBase64String(hash);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public void Dispose() => _validated.Dispose();
}
