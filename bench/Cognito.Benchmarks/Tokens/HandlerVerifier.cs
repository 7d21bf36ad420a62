using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cognito.Benchmarks.Tokens;

/// <summary>
/// Microsoft.IdentityModel's JsonWebTokenHandler doing what the Cognito verifier does for an access
/// token: RS256 only, the signing key by kid from the JWKS, the issuer, exp/nbf with a 30 s skew;
/// then token_use and client_id, which it does not know about, from the validated token.
/// </summary>
internal sealed class HandlerVerifier
{
    private readonly JsonWebTokenHandler _handler = new();
    private readonly TokenValidationParameters _parameters;

    public HandlerVerifier(string jwks)
    {
        _parameters = new TokenValidationParameters
        {
            IssuerSigningKeys = new JsonWebKeySet(jwks).GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            ValidIssuer = BenchTokens.Issuer,
            ValidateIssuer = true,
            ValidateAudience = false,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            ValidateIssuerSigningKey = false,
        };
    }

    public string Verify(string token)
    {
        var result = _handler.ValidateTokenAsync(token, _parameters).GetAwaiter().GetResult();
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt
            || !jwt.TryGetPayloadValue<string>("token_use", out var use) || use != "access"
            || !jwt.TryGetPayloadValue<string>("client_id", out var clientId) || clientId != BenchTokens.ClientId)
        {
            throw new InvalidOperationException("The handler refused a bench token.", result.Exception);
        }

        return jwt.Subject;
    }
}
