namespace Cognito.IdentityProvider.Tokens;

/// <summary>Which pool and app clients a <see cref="CognitoTokenVerifier"/> accepts tokens from, and where it gets the keys.</summary>
public sealed class CognitoTokenVerifierOptions
{
    /// <summary>The environment variable that may hold the pool's JWKS (as warrant reads it), used when <see cref="Jwks"/> is not set.</summary>
    public const string JwksEnvironmentVariable = "COGNITO_JWKS";

    /// <summary>The user pool (<c>eu-west-1_AbC123</c>); it gives the issuer <c>https://cognito-idp.{region}.amazonaws.com/{pool}</c>.</summary>
    public string? UserPoolId { get; set; }

    /// <summary>
    /// The issuer in place of the one derived from <see cref="UserPoolId"/>, for emulators (cognito-local
    /// issues <c>http://127.0.0.1:9229/{pool}</c>). The JWKS is downloaded from <c>{issuer}/.well-known/jwks.json</c>.
    /// </summary>
    public string? Issuer { get; set; }

    /// <summary>The app client ids whose tokens are accepted: an ID token's <c>aud</c> or an access token's <c>client_id</c> must be one of them.</summary>
    public IList<string> ClientIds { get; } = [];

    /// <summary>The pool's JWKS as JSON, in place of downloading it (no refetch then: an unknown <c>kid</c> is refused at once).</summary>
    public string? Jwks { get; set; }

    /// <summary>Whether <see cref="JwksEnvironmentVariable"/> is read when <see cref="Jwks"/> is not set.</summary>
    public bool UseJwksEnvironmentVariable { get; set; } = true;

    /// <summary>
    /// How far the clocks of Cognito and this machine may disagree. <c>exp</c> is honoured this much
    /// late and <c>iat</c>/<c>nbf</c> this much early. 30 seconds by default: well above the drift of an
    /// NTP-synced host, small against Cognito's shortest token lifetime (5 minutes).
    /// </summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A token with an unknown <c>kid</c> makes the verifier download the JWKS again (keys rotate), but
    /// at most once per this interval, so forged <c>kid</c>s cannot make it hammer the endpoint.
    /// </summary>
    public TimeSpan JwksRefetchInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one JWKS download may take.</summary>
    public TimeSpan JwksFetchTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How many verified tokens are remembered, so that the same token verified again (a front end
    /// checking a user's token on every request) skips the signature check: 10,000 by default, 0
    /// turns the cache off. An entry is keyed by the whole token, is only ever a token that passed
    /// every check, and is served only while it would pass again: never past <c>exp</c> plus
    /// <see cref="ClockSkew"/> by this verifier's clock, not while the clock is before its
    /// <c>iat</c>/<c>nbf</c>, and not once the keys it was verified with were replaced. When full, expired
    /// entries go first, then the least recently used. Each entry holds the token string and its
    /// typed claims (about 3 KB for a Cognito-sized token).
    /// </summary>
    public int VerifiedTokenCacheSize { get; set; } = 10_000;

    /// <summary>
    /// Asked about every token that passed every other check, cached ones included; a token it calls
    /// revoked is refused with <see cref="Errors.TokenValidationFailureReason.Revoked"/>. None by default.
    /// </summary>
    public ITokenRevocationCheck? RevocationCheck { get; set; }
}
