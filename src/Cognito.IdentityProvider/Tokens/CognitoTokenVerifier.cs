using System.Buffers;
using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Cognito.IdentityProvider.Configuration;
using Cognito.IdentityProvider.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cognito.IdentityProvider.Tokens;

/// <summary>
/// Verifies Cognito ID and access tokens as AWS's aws-jwt-verify does: an RS256 signature by a key of
/// the pool's JWKS (cached; refetched for an unknown <c>kid</c> at most once per interval), the pool's
/// issuer, the <c>token_use</c> asked for, the app client (<c>aud</c> of an ID token, <c>client_id</c>
/// of an access token), and <c>exp</c>/<c>nbf</c>/<c>iat</c> within the clock skew. A header with
/// <c>crit</c> is refused: it demands extensions this verifier does not implement.
/// Thread-safe; make one per pool and share it.
/// </summary>
/// <remarks>
/// Every refusal is a <see cref="TokenValidationException"/> with its <see cref="TokenValidationException.Reason"/>;
/// keys that cannot be had are a <see cref="CognitoJwksException"/>. Claims are looked at only after
/// the signature verified, and the algorithm is fixed to RS256 before any key is touched, so
/// <c>alg: none</c> and HS256-with-the-public-key tokens never reach a verifier.
/// </remarks>
public sealed class CognitoTokenVerifier
{
    private static readonly JsonWebTokenHandler Handler = new();

    // A compact JWS is base64url parts and dots; base64 decoders skip whitespace and padding, so a
    // token with them would otherwise be read as some other token.
    private static readonly SearchValues<char> CompactJwsCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.");

    private readonly FrozenSet<string> _clientIds;
    private readonly TimeSpan _clockSkew;
    private readonly TimeProvider _time;
    private readonly JwksCache _keys;

    /// <param name="options">The pool, app clients and key source; read once, here.</param>
    /// <param name="httpClient">Downloads the JWKS; needed unless the JWKS is given in the options or in <c>COGNITO_JWKS</c>.</param>
    /// <param name="timeProvider">The clock for token lifetimes and the refetch interval.</param>
    /// <param name="logger">Logs JWKS downloads; never tokens.</param>
    public CognitoTokenVerifier(
        CognitoTokenVerifierOptions options,
        HttpClient? httpClient = null,
        TimeProvider? timeProvider = null,
        ILogger<CognitoTokenVerifier>? logger = null)
        : this(options, httpClient, timeProvider, logger, Environment.GetEnvironmentVariable)
    {
    }

    internal CognitoTokenVerifier(
        CognitoTokenVerifierOptions options,
        HttpClient? httpClient,
        TimeProvider? timeProvider,
        ILogger? logger,
        Func<string, string?> readEnvironment)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = timeProvider ?? TimeProvider.System;
        logger ??= NullLogger.Instance;

        _clientIds = options.ClientIds.Where(c => !string.IsNullOrWhiteSpace(c)).ToFrozenSet(StringComparer.Ordinal);
        if (_clientIds.Count == 0)
        {
            throw new CognitoConfigurationException("Set ClientIds: a token is accepted only for the app clients named there.");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.JwksRefetchInterval < TimeSpan.Zero || options.JwksFetchTimeout <= TimeSpan.Zero)
        {
            throw new CognitoConfigurationException("ClockSkew and JwksRefetchInterval cannot be negative, and JwksFetchTimeout must be positive.");
        }

        _clockSkew = options.ClockSkew;
        Issuer = ResolveIssuer(options);

        if (!string.IsNullOrWhiteSpace(options.Jwks))
        {
            _keys = JwksCache.Static(ParseStaticJwks(options.Jwks, "The Jwks option"), _time, logger);
        }
        else if (options.UseJwksEnvironmentVariable && readEnvironment(CognitoTokenVerifierOptions.JwksEnvironmentVariable) is { } fromEnvironment
            && !string.IsNullOrWhiteSpace(fromEnvironment))
        {
            _keys = JwksCache.Static(ParseStaticJwks(fromEnvironment, CognitoTokenVerifierOptions.JwksEnvironmentVariable), _time, logger);
        }
        else
        {
            if (httpClient is null)
            {
                throw new CognitoConfigurationException(
                    $"The pool's JWKS must be downloaded, which needs an HttpClient; or give it in the Jwks option or the {CognitoTokenVerifierOptions.JwksEnvironmentVariable} environment variable.");
            }

            JwksUri = new Uri(Issuer.TrimEnd('/') + "/.well-known/jwks.json");
            _keys = JwksCache.Downloading(JwksUri, httpClient, _time, options.JwksRefetchInterval, options.JwksFetchTimeout, logger);
        }
    }

    /// <summary>The <c>iss</c> every accepted token carries.</summary>
    public string Issuer { get; }

    /// <summary>Where the JWKS is downloaded from; null when it was given.</summary>
    public Uri? JwksUri { get; }

    /// <summary>Verifies an ID token: <c>token_use</c> must be <c>id</c> and <c>aud</c> one of the app clients.</summary>
    public Task<VerifiedCognitoToken> VerifyIdTokenAsync(string idToken, CancellationToken cancellationToken = default) =>
        VerifyCoreAsync(idToken, TokenUse.Id, null, cancellationToken);

    /// <summary>
    /// Verifies an ID token and that it was issued with <paramref name="accessToken"/>: its
    /// <c>at_hash</c> must be the access token's hash. The access token itself is not verified here.
    /// </summary>
    public Task<VerifiedCognitoToken> VerifyIdTokenAsync(string idToken, string accessToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accessToken);
        return VerifyCoreAsync(idToken, TokenUse.Id, accessToken, cancellationToken);
    }

    /// <summary>Verifies an access token: <c>token_use</c> must be <c>access</c> and <c>client_id</c> one of the app clients.</summary>
    public Task<VerifiedCognitoToken> VerifyAccessTokenAsync(string accessToken, CancellationToken cancellationToken = default) =>
        VerifyCoreAsync(accessToken, TokenUse.Access, null, cancellationToken);

    /// <summary>Verifies a token of the kind asked for, or of either kind when <paramref name="expectedUse"/> is null.</summary>
    public Task<VerifiedCognitoToken> VerifyAsync(string token, TokenUse? expectedUse, CancellationToken cancellationToken = default) =>
        VerifyCoreAsync(token, expectedUse, null, cancellationToken);

    /// <summary>Downloads the JWKS now, so that the first verification does not wait for it. Does nothing when the JWKS was given.</summary>
    /// <exception cref="CognitoJwksException">The download failed.</exception>
    public Task PreloadKeysAsync(CancellationToken cancellationToken = default) => _keys.LoadAsync(cancellationToken);

    private async Task<VerifiedCognitoToken> VerifyCoreAsync(string token, TokenUse? expectedUse, string? accessToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        var (jwt, kid, payload) = Decode(token);
        var key = await _keys.GetKeyAsync(kid, cancellationToken).ConfigureAwait(false)
            ?? throw Refuse(TokenValidationFailureReason.UnknownKeyId, "The token is signed with a key (kid) that is not in the pool's JWKS.");
        await VerifySignatureAsync(jwt, key).ConfigureAwait(false);
        return CheckClaims(payload, expectedUse, accessToken);
    }

    /// <summary>The header checks, before any key is looked up: a signed JWT, RS256, with a kid, and no crit.</summary>
    private static (JsonWebToken Jwt, string Kid, TokenPayload Payload) Decode(string token)
    {
        if (token.Length == 0 || token.Length > TokenValidationParameters.DefaultMaximumTokenSizeInBytes
            || token.AsSpan().Count('.') != 2 || token.AsSpan().ContainsAnyExcept(CompactJwsCharacters))
        {
            throw Refuse(TokenValidationFailureReason.Malformed, "The token is not a signed JWT (three base64url parts separated by dots).");
        }

        JsonWebToken jwt;
        string? algorithm;
        string? kid;
        try
        {
            jwt = new JsonWebToken(token);
            algorithm = jwt.Alg;
            kid = jwt.Kid;
        }
        catch (Exception)
        {
            throw Refuse(TokenValidationFailureReason.Malformed, "The token is not a well-formed JWT: its header or payload is not base64url-encoded JSON.");
        }

        if (string.IsNullOrEmpty(algorithm))
        {
            throw Refuse(TokenValidationFailureReason.Malformed, "The token's header names no algorithm.");
        }

        if (algorithm.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            throw Refuse(TokenValidationFailureReason.AlgorithmNone, "The token is unsigned (alg: none).");
        }

        if (!string.Equals(algorithm, SecurityAlgorithms.RsaSha256, StringComparison.Ordinal))
        {
            throw Refuse(TokenValidationFailureReason.UnsupportedAlgorithm, "The token is not signed with RS256, the only algorithm Cognito uses.");
        }

        if (string.IsNullOrEmpty(kid))
        {
            throw Refuse(TokenValidationFailureReason.MissingKeyId, "The token's header names no signing key (kid).");
        }

        // RFC 7515 §4.1.11: extensions listed in crit must be understood or the JWS is invalid. This
        // verifier understands none and Cognito sends none, so any crit at all (even [] or a value of
        // the wrong type, which the RFC also forbids) refuses the token.
        switch (JwsHeader.HasCriticalMember(jwt.EncodedHeader))
        {
            case true:
                throw Refuse(TokenValidationFailureReason.UnsupportedHeader, "The token's header has a crit member: it requires extensions this verifier does not understand.");
            case null:
                throw Refuse(TokenValidationFailureReason.Malformed, "The token is not a well-formed JWT: its header is not a base64url-encoded JSON object.");
        }

        if (!TokenPayload.TryParse(jwt.EncodedPayload, out var payload))
        {
            throw Refuse(TokenValidationFailureReason.Malformed, "The token's payload is not a JSON object with distinct claim names.");
        }

        return (jwt, kid, payload);
    }

    private static async Task VerifySignatureAsync(JsonWebToken jwt, SecurityKey key)
    {
        // The handler checks the signature only: every claim is checked below, against the injected
        // clock and with a reason of its own.
        var parameters = new TokenValidationParameters
        {
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            TryAllIssuerSigningKeys = false,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = false,
            ValidateIssuer = false,
            ValidateAudience = false,
            RequireAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            ValidateTokenReplay = false,
            LogValidationExceptions = false,
        };
        var result = await Handler.ValidateTokenAsync(jwt, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            throw result.Exception is SecurityTokenInvalidAlgorithmException
                ? Refuse(TokenValidationFailureReason.UnsupportedAlgorithm, "The token is not signed with RS256, the only algorithm Cognito uses.")
                : Refuse(TokenValidationFailureReason.InvalidSignature, "The token's signature does not verify with the pool's key: it was forged or altered.");
        }
    }

    private VerifiedCognitoToken CheckClaims(TokenPayload payload, TokenUse? expectedUse, string? accessToken)
    {
        var use = ReadString(payload, "token_use") switch
        {
            "id" => TokenUse.Id,
            "access" => TokenUse.Access,
            _ => throw Refuse(TokenValidationFailureReason.WrongTokenUse, "The token's token_use is neither id nor access."),
        };
        if (expectedUse is { } expected && expected != use)
        {
            throw Refuse(TokenValidationFailureReason.WrongTokenUse, $"An {Describe(expected)} token was expected; this is an {Describe(use)} token.");
        }

        if (!string.Equals(ReadString(payload, "iss"), Issuer, StringComparison.Ordinal))
        {
            throw Refuse(TokenValidationFailureReason.WrongIssuer, $"The token was not issued by {Issuer}.");
        }

        string clientId;
        if (use == TokenUse.Id)
        {
            clientId = ReadStrings(payload, "aud").FirstOrDefault(_clientIds.Contains)
                ?? throw Refuse(TokenValidationFailureReason.WrongAudience, "The ID token's audience (aud) is none of the configured app clients.");
        }
        else
        {
            clientId = ReadString(payload, "client_id") is { } id && _clientIds.Contains(id)
                ? id
                : throw Refuse(TokenValidationFailureReason.WrongClientId, "The access token's client_id is none of the configured app clients.");
        }

        var now = _time.GetUtcNow();
        var expiresAt = ReadTime(payload, "exp") ?? throw Refuse(TokenValidationFailureReason.MissingClaim, "The token has no expiry (exp).");
        var issuedAt = ReadTime(payload, "iat") ?? throw Refuse(TokenValidationFailureReason.MissingClaim, "The token has no issue time (iat).");

        // Saturating sums: an exp within the skew of 9999-12-31T23:59:59Z (or any exp with a huge
        // ClockSkew) is a long-lived but valid token, so its deadline is the end of time and it is
        // accepted; plain addition would throw an ArgumentOutOfRangeException instead of deciding.
        var latestNow = now.PlusOrEndOfTime(_clockSkew);
        if (now >= expiresAt.PlusOrEndOfTime(_clockSkew))
        {
            throw Refuse(TokenValidationFailureReason.Expired, $"The token has expired (clock skew allowed: {_clockSkew.TotalSeconds:0}s).");
        }

        if (ReadTime(payload, "nbf") is { } notBefore && latestNow < notBefore)
        {
            throw Refuse(TokenValidationFailureReason.NotYetValid, $"The token is not valid yet: its nbf is in the future (clock skew allowed: {_clockSkew.TotalSeconds:0}s).");
        }

        if (latestNow < issuedAt)
        {
            throw Refuse(TokenValidationFailureReason.NotYetValid, $"The token was issued in the future: its iat is ahead of this clock (clock skew allowed: {_clockSkew.TotalSeconds:0}s).");
        }

        var subject = ReadString(payload, "sub");
        if (string.IsNullOrEmpty(subject))
        {
            throw Refuse(TokenValidationFailureReason.MissingClaim, "The token has no subject (sub).");
        }

        if (accessToken is not null)
        {
            var atHash = ReadString(payload, "at_hash")
                ?? throw Refuse(TokenValidationFailureReason.AccessTokenHashMismatch, "The ID token has no at_hash to bind it to the access token.");
            if (!string.Equals(atHash, AccessTokenHash(accessToken), StringComparison.Ordinal))
            {
                throw Refuse(TokenValidationFailureReason.AccessTokenHashMismatch, "The ID token's at_hash does not match the access token: they were not issued together.");
            }
        }

        return new VerifiedCognitoToken(
            use,
            subject,
            ReadString(payload, use == TokenUse.Id ? "cognito:username" : "username"),
            clientId,
            Issuer,
            expiresAt,
            issuedAt,
            ReadStrings(payload, "cognito:groups"),
            ReadString(payload, "scope")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [],
            payload.ToStringDictionary());
    }

    /// <summary>OpenID Connect's at_hash for RS256: base64url of the left half of SHA-256 over the token's ASCII.</summary>
    internal static string AccessTokenHash(string accessToken)
    {
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(accessToken));
        return Base64UrlEncoder.Encode(hash, 0, hash.Length / 2);
    }

    private static string? ReadString(TokenPayload payload, string name) =>
        payload.TryGetString(name, out var value) ? value : throw WrongType(name);

    private static IReadOnlyList<string> ReadStrings(TokenPayload payload, string name) =>
        payload.TryGetStrings(name, out var values) ? values : throw WrongType(name);

    private static DateTimeOffset? ReadTime(TokenPayload payload, string name) =>
        payload.TryGetTime(name, out var value)
            ? value
            : throw Refuse(TokenValidationFailureReason.Malformed, $"The token's {name} claim is not a NumericDate from 1970 to 9999 (seconds since the epoch).");

    private static TokenValidationException WrongType(string claim) =>
        Refuse(TokenValidationFailureReason.Malformed, $"The token's {claim} claim has the wrong type.");

    private static string Describe(TokenUse use) => use == TokenUse.Id ? "ID" : "access";

    private static TokenValidationException Refuse(TokenValidationFailureReason reason, string message) => new(reason, message);

    private static string ResolveIssuer(CognitoTokenVerifierOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Issuer))
        {
            if (!Uri.TryCreate(options.Issuer, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                throw new CognitoConfigurationException("Issuer must be an absolute http(s) URL, such as cognito-local's http://127.0.0.1:9229/<pool id>.");
            }

            return options.Issuer;
        }

        if (options.UserPoolId is null)
        {
            throw new CognitoConfigurationException("Set UserPoolId (or Issuer, for an emulator): tokens are accepted from one pool only.");
        }

        var pool = UserPoolId.Parse(options.UserPoolId);
        return $"https://cognito-idp.{pool.Region}.amazonaws.com/{pool.Value}";
    }

    private static FrozenDictionary<string, SecurityKey> ParseStaticJwks(string json, string source) =>
        JwksKeys.Parse(json, out var problem)
            ?? throw new CognitoConfigurationException($"{source} does not hold a usable JWKS: {problem}.");
}
