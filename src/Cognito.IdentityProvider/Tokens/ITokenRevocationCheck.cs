namespace Cognito.IdentityProvider.Tokens;

/// <summary>
/// Refuses tokens that verify but belong to a session that has ended (RevokeToken, GlobalSignOut,
/// an admin sign-out), which a JWT signature cannot show. <see cref="CognitoTokenVerifier"/> asks it
/// after every other check passed, on every verification, cached ones included; a token it calls
/// revoked is refused with <see cref="Errors.TokenValidationFailureReason.Revoked"/>.
/// </summary>
/// <remarks>
/// It is synchronous on purpose: it runs on every request, at the rate of the verified-token cache
/// (millions a second), so it must be an in-memory lookup (a set of ended <c>origin_jti</c>s, or a
/// per-user "signed out at" time compared with <see cref="TokenRevocationClaims.IssuedAt"/>) kept
/// current in the background, not a remote call per request. An exception it throws reaches the
/// caller of the verifier: the token is then not accepted.
/// </remarks>
public interface ITokenRevocationCheck
{
    /// <summary>Whether the session or token these claims name has been ended. Called concurrently; must be thread-safe and fast.</summary>
    bool IsRevoked(in TokenRevocationClaims claims);
}
