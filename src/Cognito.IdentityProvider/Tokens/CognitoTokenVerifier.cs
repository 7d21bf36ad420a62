using System.Buffers;
using System.Buffers.Text;
using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Cognito.IdentityProvider.Configuration;
using Cognito.IdentityProvider.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
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
/// Tokens that passed are remembered (<see cref="CognitoTokenVerifierOptions.VerifiedTokenCacheSize"/>)
/// and served again only while a full verification would pass again; an
/// <see cref="CognitoTokenVerifierOptions.RevocationCheck"/> is asked on every verification, cached or not.
/// Every refusal is a <see cref="TokenValidationException"/> with its <see cref="TokenValidationException.Reason"/>;
/// keys that cannot be had are a <see cref="CognitoJwksException"/>. Claims are looked at only after
/// the signature verified, and the algorithm is fixed to RS256 before any key is touched, so
/// <c>alg: none</c> and HS256-with-the-public-key tokens never reach a verifier.
/// </remarks>
public sealed partial class CognitoTokenVerifier
{
    // A compact JWS is base64url parts and dots; base64 decoders skip whitespace and padding, so a
    // token with them would otherwise be read as some other token.
    private static readonly SearchValues<char> CompactJwsCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.");

    private readonly FrozenSet<string> _clientIds;
    private readonly TimeSpan _clockSkew;
    private readonly TimeProvider _time;
    private readonly JwksCache _keys;
    private readonly byte[] _issuerUtf8;
    private readonly VerifiedTokenCache? _cache;
    private readonly ITokenRevocationCheck? _revocation;
    private readonly Func<ReadOnlySpan<char>, string?> _knownKid;

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

        if (options.VerifiedTokenCacheSize < 0)
        {
            throw new CognitoConfigurationException("VerifiedTokenCacheSize cannot be negative (0 turns the cache off).");
        }

        _clockSkew = options.ClockSkew;
        Issuer = ResolveIssuer(options);
        _issuerUtf8 = Encoding.UTF8.GetBytes(Issuer);
        _cache = options.VerifiedTokenCacheSize > 0 ? new VerifiedTokenCache(options.VerifiedTokenCacheSize) : null;
        _revocation = options.RevocationCheck;
        _knownKid = kid => _keys!.TryGetLoadedKey(kid, out var key) ? key.Kid : null;

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

    /// <summary>How many verified tokens the cache holds now (for tests and the benchmark).</summary>
    internal int CachedTokenCount => _cache?.Count ?? 0;

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

    private Task<VerifiedCognitoToken> VerifyCoreAsync(string token, TokenUse? expectedUse, string? accessToken, CancellationToken cancellationToken)
    {
        // Synchronous whenever the key is loaded (nearly always): no state machine, one completed task.
        try
        {
            ArgumentNullException.ThrowIfNull(token);
            if (_cache is not null && TryServeFromCache(token, expectedUse, accessToken) is { } cached)
            {
                return cached.Completed;
            }

            var entry = Verify(token, expectedUse, accessToken, null, out var unknownKid);
            return entry is not null
                ? Accept(entry).Completed
                : VerifyAfterKeyLookupAsync(token, expectedUse, accessToken, unknownKid!, cancellationToken);
        }
        catch (Exception e)
        {
            return Task.FromException<VerifiedCognitoToken>(e);
        }
    }

    private async Task<VerifiedCognitoToken> VerifyAfterKeyLookupAsync(string token, TokenUse? expectedUse, string? accessToken, string kid, CancellationToken cancellationToken)
    {
        var key = await _keys.GetKeyAsync(kid, cancellationToken).ConfigureAwait(false)
            ?? throw Refuse(TokenValidationFailureReason.UnknownKeyId, "The token is signed with a key (kid) that is not in the pool's JWKS.");
        return Accept(Verify(token, expectedUse, accessToken, key, out _)!).Result;
    }

    /// <summary>
    /// A cached verification of this very token, when it still holds now: not expired (skew allowed),
    /// not before its iat/nbf (the clock may have been set back), verified with the keys the pool has
    /// now, of the kind asked for, bound to the access token when one is given; and not revoked.
    /// Anything else goes the full way, which refuses with the same reason as without a cache.
    /// </summary>
    private VerifiedEntry? TryServeFromCache(string token, TokenUse? expectedUse, string? accessToken)
    {
        if (!_cache!.TryGet(token, out var entry))
        {
            return null;
        }

        var now = _time.GetUtcNow();
        if (now >= entry.Deadline || now.PlusOrEndOfTime(_clockSkew) < entry.ValidFrom || !ReferenceEquals(entry.Keys, _keys.Current))
        {
            _cache.Remove(entry);
            return null;
        }

        if ((expectedUse is { } expected && expected != entry.Result.TokenUse)
            || (accessToken is not null && !string.Equals(entry.AtHash, AccessTokenHash(accessToken), StringComparison.Ordinal)))
        {
            return null;
        }

        RefuseIfRevoked(entry);
        VerifiedTokenCache.Touch(entry);
        return entry;
    }

    private VerifiedEntry Accept(VerifiedEntry entry)
    {
        RefuseIfRevoked(entry);
        _cache?.Add(entry, _time.GetUtcNow());
        return entry;
    }

    private void RefuseIfRevoked(VerifiedEntry entry)
    {
        if (_revocation is not null && _revocation.IsRevoked(entry.Revocation))
        {
            throw Refuse(TokenValidationFailureReason.Revoked, "The token's session has ended (signed out or revoked).");
        }
    }

    /// <summary>
    /// Every check in order: the header (before any key is looked up), the signature, then the claims.
    /// Null with <paramref name="unknownKid"/> when the key is not loaded and <paramref name="key"/> was not given.
    /// </summary>
    private VerifiedEntry? Verify(string token, TokenUse? expectedUse, string? accessToken, SigningKey? key, out string? unknownKid)
    {
        unknownKid = null;
        if (token.Length == 0 || token.Length > TokenValidationParameters.DefaultMaximumTokenSizeInBytes
            || token.AsSpan().Count('.') != 2 || token.AsSpan().ContainsAnyExcept(CompactJwsCharacters))
        {
            throw Refuse(TokenValidationFailureReason.Malformed, "The token is not a signed JWT (three base64url parts separated by dots).");
        }

        var firstDot = token.IndexOf('.', StringComparison.Ordinal);
        var secondDot = token.IndexOf('.', firstDot + 1);
        var encodedHeader = token.AsSpan(0, firstDot);
        var encodedPayload = token.AsSpan(firstDot + 1, secondDot - firstDot - 1);
        var encodedSignature = token.AsSpan(secondDot + 1);

        // One pooled buffer for the signing input's bytes, the decoded header, payload and signature.
        var headerSize = Base64Url.GetMaxDecodedLength(encodedHeader.Length);
        var payloadSize = Base64Url.GetMaxDecodedLength(encodedPayload.Length);
        var signatureSize = Base64Url.GetMaxDecodedLength(encodedSignature.Length);
        var buffer = ArrayPool<byte>.Shared.Rent(secondDot + headerSize + payloadSize + signatureSize);
        try
        {
            var span = buffer.AsSpan();
            var signingInput = span[..secondDot];
            var headerBuffer = span.Slice(secondDot, headerSize);
            var payloadBuffer = span.Slice(secondDot + headerSize, payloadSize);
            var signatureBuffer = span.Slice(secondDot + headerSize + payloadSize, signatureSize);

            JwsHeaderFields header = default;
            PayloadClaims payload = default;
            var headerRead = Base64Url.TryDecodeFromChars(encodedHeader, headerBuffer, out var headerLength)
                && JwsHeader.TryRead(headerBuffer[..headerLength], _knownKid, out header);
            var payloadShape = Base64Url.TryDecodeFromChars(encodedPayload, payloadBuffer, out var payloadLength)
                ? PayloadClaims.Read(payloadBuffer[..payloadLength], out payload)
                : PayloadClaims.Shape.NotAnObject;
            if (!headerRead || payloadShape == PayloadClaims.Shape.NotAnObject)
            {
                throw Refuse(TokenValidationFailureReason.Malformed, "The token is not a well-formed JWT: its header or payload is not base64url-encoded JSON.");
            }

            CheckHeader(header);
            if (payloadShape == PayloadClaims.Shape.DuplicateName)
            {
                throw Refuse(TokenValidationFailureReason.Malformed, "The token's payload is not a JSON object with distinct claim names.");
            }

            if (key is null && !_keys.TryGetLoadedKey(header.Kid!, out key))
            {
                unknownKid = header.Kid;
                return null;
            }

            Encoding.ASCII.GetBytes(token.AsSpan(0, secondDot), signingInput);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(signingInput, hash);
            if (!Base64Url.TryDecodeFromChars(encodedSignature, signatureBuffer, out var signatureLength)
                || !key.Verifies(hash, signatureBuffer[..signatureLength]))
            {
                throw Refuse(TokenValidationFailureReason.InvalidSignature, "The token's signature does not verify with the pool's key: it was forged or altered.");
            }

            return CheckClaims(token, firstDot + 1, encodedPayload.Length, ref payload, expectedUse, accessToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The header checks, before any key is looked up: a signed JWT, RS256, with a kid, and no crit.</summary>
    private static void CheckHeader(in JwsHeaderFields header)
    {
        switch (header.Algorithm)
        {
            case JwsAlgorithm.Missing:
                throw Refuse(TokenValidationFailureReason.Malformed, "The token's header names no algorithm.");
            case JwsAlgorithm.None:
                throw Refuse(TokenValidationFailureReason.AlgorithmNone, "The token is unsigned (alg: none).");
            case JwsAlgorithm.Other:
                throw Refuse(TokenValidationFailureReason.UnsupportedAlgorithm, "The token is not signed with RS256, the only algorithm Cognito uses.");
        }

        if (header.Kid is null)
        {
            throw Refuse(TokenValidationFailureReason.MissingKeyId, "The token's header names no signing key (kid).");
        }

        // RFC 7515 §4.1.11: extensions listed in crit must be understood or the JWS is invalid. This
        // verifier understands none and Cognito sends none, so any crit at all (even [] or a value of
        // the wrong type, which the RFC also forbids) refuses the token.
        if (header.HasCritical)
        {
            throw Refuse(TokenValidationFailureReason.UnsupportedHeader, "The token's header has a crit member: it requires extensions this verifier does not understand.");
        }
    }

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

    private static FrozenDictionary<string, SigningKey> ParseStaticJwks(string json, string source) =>
        JwksKeys.Parse(json, out var problem)
            ?? throw new CognitoConfigurationException($"{source} does not hold a usable JWKS: {problem}.");
}
