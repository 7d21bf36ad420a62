using System.Security.Cryptography;
using System.Text;
using Cognito.IdentityProvider.Authentication;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Tokens;

namespace Cognito.IdentityProvider.ManagedLogin;

/// <summary>The checks an ID token from a code exchange needs beyond the usual ones: <c>at_hash</c> and <c>nonce</c>.</summary>
public static class ManagedLoginTokenCheck
{
    /// <summary>
    /// Verifies the exchange's ID token (signature, issuer, audience, use, lifetime), that its
    /// <c>at_hash</c> binds it to the access token it came with, and that its <c>nonce</c> is the
    /// attempt's. Refused tokens raise <see cref="TokenValidationException"/>.
    /// </summary>
    public static async Task<VerifiedCognitoToken> VerifyAsync(CognitoTokenVerifier verifier, CognitoTokens tokens, ManagedLoginAttempt attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(attempt);
        if (tokens.IdToken is null)
        {
            throw new TokenValidationException(TokenValidationFailureReason.MissingClaim, "The code exchange returned no ID token: ask for the openid scope.");
        }

        var verified = await verifier.VerifyIdTokenAsync(tokens.IdToken, tokens.AccessToken, cancellationToken);
        if (!verified.Claims.TryGetValue("nonce", out var nonce)
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(nonce), Encoding.UTF8.GetBytes(attempt.Nonce)))
        {
            throw new TokenValidationException(TokenValidationFailureReason.NonceMismatch, "The ID token's nonce is not this sign-in attempt's.");
        }

        return verified;
    }
}
