using System.Diagnostics.CodeAnalysis;
using Cognito.IdentityProvider.Errors;

namespace Cognito.IdentityProvider.Tokens;

/// <summary>
/// Reads a few claims of a JWT WITHOUT verifying it. Use <see cref="CognitoTokenVerifier"/> for any
/// token that came from a client; this is for tokens Cognito just handed to this process.
/// </summary>
public static class UnverifiedTokenReader
{
    /// <exception cref="TokenValidationException">With <see cref="TokenValidationFailureReason.Malformed"/> when the payload cannot be read.</exception>
    public static UnverifiedTokenClaims ReadUnverified(string token) =>
        TryReadUnverified(token, out var claims)
            ? claims
            : throw new TokenValidationException(TokenValidationFailureReason.Malformed, "The token's payload cannot be read: it is not a JWT with a JSON payload of the usual claim types.");

    /// <summary>Reads the claims of <paramref name="token"/> without verifying it; false when it is not a readable JWT.</summary>
    public static bool TryReadUnverified([NotNullWhen(true)] string? token, [NotNullWhen(true)] out UnverifiedTokenClaims? claims)
    {
        claims = null;
        if (token is null)
        {
            return false;
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || !TokenPayload.TryParse(parts[1], out var payload))
        {
            return false;
        }

        if (!payload.TryGetString("token_use", out var use)
            || !payload.TryGetString("username", out var username)
            || !payload.TryGetString("cognito:username", out var cognitoUsername)
            || !payload.TryGetString("sub", out var subject)
            || !payload.TryGetTime("exp", out var expiresAt)
            || !payload.TryGetTime("iat", out var issuedAt))
        {
            return false;
        }

        var tokenUse = use switch
        {
            "id" => TokenUse.Id,
            "access" => TokenUse.Access,
            _ => (TokenUse?)null,
        };
        // Optional claims: a value of another type is as good as none for bookkeeping.
        claims = new UnverifiedTokenClaims(tokenUse, username ?? cognitoUsername, subject, expiresAt, issuedAt)
        {
            OriginJti = payload.TryGetString("origin_jti", out var originJti) ? originJti : null,
            EventId = payload.TryGetString("event_id", out var eventId) ? eventId : null,
        };
        return true;
    }
}
