using System.Security.Cryptography;
using System.Text;
using Cognito.IdentityProvider.Errors;
using Microsoft.IdentityModel.Tokens;

namespace Cognito.IdentityProvider.Tokens;

/// <summary>The claim checks, after the signature verified: kind, issuer, app client, lifetime, subject, at_hash.</summary>
public sealed partial class CognitoTokenVerifier
{
    private VerifiedEntry CheckClaims(string token, int payloadStart, int payloadLength, ref PayloadClaims payload, TokenUse? expectedUse, string? accessToken)
    {
        var use = payload.StringEquals(Claim.TokenUse, "id"u8) switch
        {
            null => throw WrongType("token_use"),
            true => TokenUse.Id,
            false when payload.StringEquals(Claim.TokenUse, "access"u8) == true => TokenUse.Access,
            _ => throw Refuse(TokenValidationFailureReason.WrongTokenUse, "The token's token_use is neither id nor access."),
        };
        if (expectedUse is { } expected && expected != use)
        {
            throw Refuse(TokenValidationFailureReason.WrongTokenUse, $"An {Describe(expected)} token was expected; this is an {Describe(use)} token.");
        }

        if ((payload.StringEquals(Claim.Issuer, _issuerUtf8) ?? throw WrongType("iss")) == false)
        {
            throw Refuse(TokenValidationFailureReason.WrongIssuer, $"The token was not issued by {Issuer}.");
        }

        string? clientId;
        if (use == TokenUse.Id)
        {
            clientId = (payload.TryFindClient(Claim.Audience, _clientIds, out var audience) ? audience : throw WrongType("aud"))
                ?? throw Refuse(TokenValidationFailureReason.WrongAudience, "The ID token's audience (aud) is none of the configured app clients.");
        }
        else
        {
            clientId = (payload.TryGetString(Claim.ClientId, out var id) ? id : throw WrongType("client_id")) is { } given && _clientIds.TryGetValue(given, out var configured)
                ? configured
                : throw Refuse(TokenValidationFailureReason.WrongClientId, "The access token's client_id is none of the configured app clients.");
        }

        var now = _time.GetUtcNow();
        var expiresAt = ReadTime(ref payload, Claim.Expires, "exp") ?? throw Refuse(TokenValidationFailureReason.MissingClaim, "The token has no expiry (exp).");
        var issuedAt = ReadTime(ref payload, Claim.IssuedAt, "iat") ?? throw Refuse(TokenValidationFailureReason.MissingClaim, "The token has no issue time (iat).");

        // Saturating sums: an exp within the skew of 9999-12-31T23:59:59Z (or any exp with a huge
        // ClockSkew) is a long-lived but valid token, so its deadline is the end of time and it is
        // accepted; plain addition would throw an ArgumentOutOfRangeException instead of deciding.
        var latestNow = now.PlusOrEndOfTime(_clockSkew);
        var deadline = expiresAt.PlusOrEndOfTime(_clockSkew);
        if (now >= deadline)
        {
            throw Refuse(TokenValidationFailureReason.Expired, $"The token has expired (clock skew allowed: {_clockSkew.TotalSeconds:0}s).");
        }

        var validFrom = issuedAt;
        if (ReadTime(ref payload, Claim.NotBefore, "nbf") is { } notBefore)
        {
            if (latestNow < notBefore)
            {
                throw Refuse(TokenValidationFailureReason.NotYetValid, $"The token is not valid yet: its nbf is in the future (clock skew allowed: {_clockSkew.TotalSeconds:0}s).");
            }

            validFrom = notBefore > issuedAt ? notBefore : issuedAt;
        }

        if (latestNow < issuedAt)
        {
            throw Refuse(TokenValidationFailureReason.NotYetValid, $"The token was issued in the future: its iat is ahead of this clock (clock skew allowed: {_clockSkew.TotalSeconds:0}s).");
        }

        var subject = ReadString(ref payload, Claim.Subject, "sub");
        if (string.IsNullOrEmpty(subject))
        {
            throw Refuse(TokenValidationFailureReason.MissingClaim, "The token has no subject (sub).");
        }

        string? atHash = null;
        if (accessToken is not null)
        {
            atHash = ReadString(ref payload, Claim.AtHash, "at_hash")
                ?? throw Refuse(TokenValidationFailureReason.AccessTokenHashMismatch, "The ID token has no at_hash to bind it to the access token.");
            if (!string.Equals(atHash, AccessTokenHash(accessToken), StringComparison.Ordinal))
            {
                throw Refuse(TokenValidationFailureReason.AccessTokenHashMismatch, "The ID token's at_hash does not match the access token: they were not issued together.");
            }
        }
        else if (use == TokenUse.Id && _cache is not null)
        {
            // Kept for a later hit that binds this ID token to an access token; a malformed one binds nothing.
            atHash = payload.TryGetString(Claim.AtHash, out var kept) ? kept : null;
        }

        var verified = new VerifiedCognitoToken(
            use,
            subject,
            ReadString(ref payload, use == TokenUse.Id ? Claim.CognitoUsername : Claim.Username, use == TokenUse.Id ? "cognito:username" : "username"),
            clientId,
            Issuer,
            expiresAt,
            issuedAt,
            payload.TryGetStrings(Claim.Groups, out var groups) ? groups : throw WrongType("cognito:groups"),
            ReadString(ref payload, Claim.Scope, "scope")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [],
            LazyClaims.For(token, payloadStart, payloadLength));

        // Read only for a check that asks; claims Cognito always sends as strings, so another type names nothing.
        var revocation = _revocation is null
            ? new TokenRevocationClaims(use, subject, clientId, null, null, null, issuedAt, expiresAt)
            : new TokenRevocationClaims(use, subject, clientId, OptionalString(ref payload, Claim.OriginJti), OptionalString(ref payload, Claim.Jti), OptionalString(ref payload, Claim.EventId), issuedAt, expiresAt);
        return new VerifiedEntry(token, verified, revocation, atHash, _keys.Current, validFrom, deadline);
    }

    /// <summary>OpenID Connect's at_hash for RS256: base64url of the left half of SHA-256 over the token's ASCII.</summary>
    internal static string AccessTokenHash(string accessToken)
    {
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(accessToken));
        return Base64UrlEncoder.Encode(hash, 0, hash.Length / 2);
    }

    private static string? ReadString(ref PayloadClaims payload, Claim claim, string name) =>
        payload.TryGetString(claim, out var value) ? value : throw WrongType(name);

    private static string? OptionalString(ref PayloadClaims payload, Claim claim) =>
        payload.TryGetString(claim, out var value) ? value : null;

    private static DateTimeOffset? ReadTime(ref PayloadClaims payload, Claim claim, string name) =>
        payload.TryGetTime(claim, out var value)
            ? value
            : throw Refuse(TokenValidationFailureReason.Malformed, $"The token's {name} claim is not a NumericDate from 1970 to 9999 (seconds since the epoch).");

    private static TokenValidationException WrongType(string claim) =>
        Refuse(TokenValidationFailureReason.Malformed, $"The token's {claim} claim has the wrong type.");

    private static string Describe(TokenUse use) => use == TokenUse.Id ? "ID" : "access";
}
