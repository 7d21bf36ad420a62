namespace Cognito.IdentityProvider.Errors;

/// <summary>Why a Cognito token was refused. Each check of the verifier has its own reason.</summary>
public enum TokenValidationFailureReason
{
    /// <summary>The reason did not survive the trip (an exception rebuilt without its data).</summary>
    Unknown = 0,

    /// <summary>
    /// Not a signed JWT: not three base64url parts, bad JSON, an encrypted token, claims of the wrong
    /// type, or an <c>exp</c>/<c>iat</c>/<c>nbf</c> before 1970 or after 9999 (an <c>exp</c> at the very end
    /// of 9999 is a valid, long-lived token).
    /// </summary>
    Malformed,

    /// <summary>The header says <c>alg: none</c>: an unsigned token.</summary>
    AlgorithmNone,

    /// <summary>Any algorithm but RS256, which is all Cognito uses (this refuses HS256 signed with the public key as secret).</summary>
    UnsupportedAlgorithm,

    /// <summary>The header names no <c>kid</c>.</summary>
    MissingKeyId,

    /// <summary>The <c>kid</c> is not in the pool's JWKS, even after the one refetch allowed per interval.</summary>
    UnknownKeyId,

    /// <summary>The signature does not verify with the pool's key: forged or tampered.</summary>
    InvalidSignature,

    /// <summary>The <c>iss</c> is not this pool.</summary>
    WrongIssuer,

    /// <summary>An ID token whose <c>aud</c> is none of the configured app clients.</summary>
    WrongAudience,

    /// <summary>An access token whose <c>client_id</c> is none of the configured app clients.</summary>
    WrongClientId,

    /// <summary>The <c>token_use</c> is not the kind asked for (an access token where an ID token is wanted, or the reverse).</summary>
    WrongTokenUse,

    /// <summary>The <c>exp</c> has passed, clock skew allowed for.</summary>
    Expired,

    /// <summary>The <c>nbf</c> or <c>iat</c> is in the future, clock skew allowed for.</summary>
    NotYetValid,

    /// <summary>A claim Cognito always sets (<c>sub</c>, <c>exp</c>, <c>iat</c>) is missing.</summary>
    MissingClaim,

    /// <summary>The ID token's <c>at_hash</c> is missing or does not match the access token given with it.</summary>
    AccessTokenHashMismatch,

    /// <summary>
    /// The header has a <c>crit</c> member: it names extensions that must be understood, and this
    /// verifier understands none (RFC 7515 §4.1.11; Cognito never sends <c>crit</c>).
    /// </summary>
    UnsupportedHeader,

    /// <summary>
    /// The token verified, but the <see cref="Tokens.ITokenRevocationCheck"/> configured says its session
    /// was ended (signed out, revoked) before it expired.
    /// </summary>
    Revoked,

    /// <summary>
    /// An ID token from managed login does not carry the <c>nonce</c> of the sign-in attempt it
    /// answers: it was issued for another attempt (a replayed or injected token).
    /// </summary>
    NonceMismatch,
}
