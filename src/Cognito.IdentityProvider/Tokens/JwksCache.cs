using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Text;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Logging;
using Microsoft.Extensions.Logging;

namespace Cognito.IdentityProvider.Tokens;

/// <summary>
/// The pool's signing keys, either given once (static) or downloaded and kept until a token names a
/// <c>kid</c> they lack; then they are downloaded again (keys rotate). Starting such a refetch closes
/// a penalty box for the refetch interval, and a download that fails or still lacks the <c>kid</c>
/// closes it for an interval from its end; in the box unknown <c>kid</c>s are refused without a
/// download, so forged <c>kid</c>s cannot turn each request into one: at most one refetch starts per
/// interval, however callers interleave. Until keys were loaded once, every verification may try
/// (the first load has nothing to protect). Concurrent callers share one download; lookups of a
/// known <c>kid</c> take no lock.
/// </summary>
internal sealed class JwksCache
{
    private const int MaxJwksBytes = 1024 * 1024;

    private readonly Uri? _jwksUri;
    private readonly HttpClient? _http;
    private readonly TimeProvider _time;
    private readonly TimeSpan _refetchInterval;
    private readonly TimeSpan _fetchTimeout;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();

    private volatile FrozenDictionary<string, SigningKey>? _keys;
    private Task<FrozenDictionary<string, SigningKey>>? _download;
    private DateTimeOffset _refetchBlockedUntil = DateTimeOffset.MinValue;

    private JwksCache(FrozenDictionary<string, SigningKey>? keys, Uri? jwksUri, HttpClient? http, TimeProvider time, TimeSpan refetchInterval, TimeSpan fetchTimeout, ILogger logger)
    {
        _keys = keys;
        _jwksUri = jwksUri;
        _http = http;
        _time = time;
        _refetchInterval = refetchInterval;
        _fetchTimeout = fetchTimeout;
        _logger = logger;
    }

    public static JwksCache Static(FrozenDictionary<string, SigningKey> keys, TimeProvider time, ILogger logger) =>
        new(keys, null, null, time, TimeSpan.Zero, TimeSpan.Zero, logger);

    public static JwksCache Downloading(Uri jwksUri, HttpClient http, TimeProvider time, TimeSpan refetchInterval, TimeSpan fetchTimeout, ILogger logger) =>
        new(null, jwksUri, http, time, refetchInterval, fetchTimeout, logger);

    /// <summary>
    /// The keys as they are now; a new object whenever a download replaced them, so an entry of the
    /// verified-token cache can tell that the keys it was verified with are no longer the pool's.
    /// </summary>
    public object? Current => _keys;

    /// <summary>The loaded key for <paramref name="kid"/>, without a download or a string; false when it is not (yet) known.</summary>
    public bool TryGetLoadedKey(ReadOnlySpan<char> kid, [NotNullWhen(true)] out SigningKey? key)
    {
        key = null;
        var keys = _keys;
        return keys is not null && keys.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(kid, out key);
    }

    /// <summary>The key for <paramref name="kid"/>, or null when the pool has none by that id (after the one download allowed).</summary>
    /// <exception cref="CognitoJwksException">The keys were needed and could not be downloaded.</exception>
    public ValueTask<SigningKey?> GetKeyAsync(string kid, CancellationToken cancellationToken)
    {
        var keys = _keys;
        if (keys is not null && keys.TryGetValue(kid, out var key))
        {
            return ValueTask.FromResult<SigningKey?>(key);
        }

        return _jwksUri is null ? ValueTask.FromResult<SigningKey?>(null) : DownloadAndFindAsync(kid, cancellationToken);
    }

    /// <summary>Downloads the keys now unless they are loaded, so the first request does not wait for them.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (_jwksUri is null || _keys is not null)
        {
            return;
        }

        Task<FrozenDictionary<string, SigningKey>> download;
        lock (_gate)
        {
            if (_keys is not null)
            {
                return;
            }

            download = _download ?? StartDownload();
        }

        await download.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<SigningKey?> DownloadAndFindAsync(string kid, CancellationToken cancellationToken)
    {
        Task<FrozenDictionary<string, SigningKey>> download;
        lock (_gate)
        {
            if (_download is not null)
            {
                download = _download;
            }
            else
            {
                var keys = _keys;
                if (keys is not null)
                {
                    if (keys.TryGetValue(kid, out var key))
                    {
                        return key;
                    }

                    if (_time.GetUtcNow() < _refetchBlockedUntil)
                    {
                        TokenLog.UnknownKeyInPenaltyBox(_logger, _refetchInterval);
                        return null;
                    }

                    // The gate closes here, with the slot claimed under the same lock: were it closed
                    // only once the download is done, a caller between the slot being freed and the
                    // waiters closing the gate would start a second download within the interval.
                    CloseRefetchPenaltyBox();
                    TokenLog.RefetchingForUnknownKey(_logger, _jwksUri!);
                }

                download = StartDownload();
            }
        }

        var downloaded = await download.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (downloaded.TryGetValue(kid, out var found))
        {
            return found;
        }

        lock (_gate)
        {
            CloseRefetchPenaltyBox();
        }

        return null;
    }

    /// <summary>Called under the lock.</summary>
    private void CloseRefetchPenaltyBox()
    {
        // Saturating: an interval that runs past the end of time closes the box for good.
        var until = _time.GetUtcNow().PlusOrEndOfTime(_refetchInterval);
        if (until > _refetchBlockedUntil)
        {
            _refetchBlockedUntil = until;
        }
    }

    /// <summary>Starts the one shared download. Called under the lock; the download itself runs outside it.</summary>
    private Task<FrozenDictionary<string, SigningKey>> StartDownload()
    {
        var completion = new TaskCompletionSource<FrozenDictionary<string, SigningKey>>(TaskCreationOptions.RunContinuationsAsynchronously);
        _download = completion.Task;
        _ = Task.Run(() => CompleteDownloadAsync(completion));
        return completion.Task;
    }

    private async Task CompleteDownloadAsync(TaskCompletionSource<FrozenDictionary<string, SigningKey>> completion)
    {
        try
        {
            var keys = await DownloadAsync().ConfigureAwait(false);
            lock (_gate)
            {
                _keys = keys;
                _download = null;
            }

            TokenLog.JwksDownloaded(_logger, _jwksUri!, keys.Count);
            completion.SetResult(keys);
        }
        catch (Exception e)
        {
            lock (_gate)
            {
                _download = null;
                if (_keys is not null)
                {
                    CloseRefetchPenaltyBox();
                }
            }

            TokenLog.JwksDownloadFailed(_logger, _jwksUri!, e);
            completion.SetException(e as CognitoJwksException ?? new CognitoJwksException($"The JWKS could not be downloaded from {_jwksUri}.", e));
        }
    }

    // Not tied to any caller's cancellation: the download is shared, and one caller giving up must
    // not fail the others. Its own timeout bounds it instead.
    private async Task<FrozenDictionary<string, SigningKey>> DownloadAsync()
    {
        using var timeout = new CancellationTokenSource(_fetchTimeout, _time);
        using var request = new HttpRequestMessage(HttpMethod.Get, _jwksUri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        string json;
        try
        {
            using var response = await _http!.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new CognitoJwksException($"The JWKS endpoint {_jwksUri} answered HTTP {(int)response.StatusCode}.");
            }

            json = await ReadLimitedAsync(response.Content, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested)
        {
            throw new CognitoJwksException($"The JWKS endpoint {_jwksUri} did not answer within {_fetchTimeout}.", e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new CognitoJwksException($"The JWKS could not be downloaded from {_jwksUri}: {(e as HttpRequestException)?.HttpRequestError.ToString() ?? "the connection broke"}.", e);
        }

        return JwksKeys.Parse(json, out var problem)
            ?? throw new CognitoJwksException($"The document at {_jwksUri} is not usable: {problem}.");
    }

    private async Task<string> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is > MaxJwksBytes)
        {
            throw new CognitoJwksException($"The JWKS at {_jwksUri} is larger than the {MaxJwksBytes} bytes allowed.");
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxJwksBytes)
                {
                    throw new CognitoJwksException($"The JWKS at {_jwksUri} is larger than the {MaxJwksBytes} bytes allowed.");
                }

                buffer.Write(chunk, 0, read);
            }

            return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
    }
}
