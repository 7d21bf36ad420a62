using Cognito.IdentityProvider.Tokens;
using Microsoft.AspNetCore.Authentication;

namespace Cognito.AspNetCore.Bearer;

/// <summary>
/// An API that receives Cognito access tokens: the pool and app clients to accept them from. The
/// token is checked by <see cref="CognitoTokenVerifier"/> (JWKS cached and refetched for an unknown
/// <c>kid</c>, issuer, <c>token_use</c>, <c>client_id</c>, lifetime; repeated tokens from its bounded
/// verified-token cache) and refused when its session was ended through the grains.
/// </summary>
public sealed class CognitoBearerOptions : AuthenticationSchemeOptions
{
    /// <summary>The verifier's settings: <c>UserPoolId</c> or <c>Issuer</c>, and <c>ClientIds</c>.</summary>
    public CognitoTokenVerifierOptions Verifier { get; } = new();
}
