using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Tokens;
using Microsoft.Extensions.Logging;

namespace Cognito.IdentityProvider.Tests.Tokens;

/// <summary>
/// The refetch limit under concurrency: however callers with unknown <c>kid</c>s interleave with a
/// download finishing, the JWKS is fetched at most once per refetch interval.
/// </summary>
public sealed class JwksRefetchRaceTests : IAsyncLifetime
{
    private const int Rounds = 250;
    private const int Callers = 16;
    private const int YieldsPerCaller = 10;
    private const int JwksDownloadedEvent = 2001;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(60);

    private TokenScenario _s = null!;

    public async Task InitializeAsync() => _s = await TokenScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task Many_concurrent_unknown_kids_never_fetch_twice_in_one_interval()
    {
        var logger = new DownloadListener();
        var verifier = _s.Verifier(o => o.JwksRefetchInterval = Interval, logger: logger);
        await verifier.PreloadKeysAsync();
        var unknown = _s.IdToken(key: TestRsaKey.B);
        var fetchesPerRound = new List<int>();

        for (var round = 0; round < Rounds; round++)
        {
            // The fake clock stands still within a round, so a round is inside one interval.
            _s.Time.Advance(Interval);
            var before = _s.Server.JwksRequests;

            // The interleaving that broke the limit, forced once a round: a caller arriving just as
            // a download has finished (the "downloaded" line is logged then), before its waiters resume.
            var lateArrival = new TaskCompletionSource<Task<VerifiedCognitoToken>>(TaskCreationOptions.RunContinuationsAsynchronously);
            logger.OnDownloaded = () =>
            {
                logger.OnDownloaded = null;
                lateArrival.TrySetResult(verifier.VerifyIdTokenAsync(unknown));
            };

            // The others race as they will, arriving spread over about a download's time.
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var callers = Enumerable.Range(0, Callers).Select(i => Task.Run(async () =>
            {
                await start.Task;
                for (var y = 0; y < i * YieldsPerCaller; y++)
                {
                    await Task.Yield();
                }

                await UnknownKeyAsync(verifier.VerifyIdTokenAsync(unknown));
            })).ToList();
            start.SetResult();
            await Task.WhenAll(callers);
            await UnknownKeyAsync(await lateArrival.Task.WaitAsync(TimeSpan.FromSeconds(10)));
            fetchesPerRound.Add(_s.Server.JwksRequests - before);
        }

        var overLimit = fetchesPerRound.Count(n => n > 1);
        Assert.True(overLimit == 0, $"{overLimit} of {Rounds} intervals fetched the JWKS more than once (up to {fetchesPerRound.Max()} times).");

        // The bound is not met by never fetching: each interval allowed its one refetch.
        Assert.All(fetchesPerRound, n => Assert.Equal(1, n));
    }

    private static async Task UnknownKeyAsync(Task<VerifiedCognitoToken> verification)
    {
        var error = await Assert.ThrowsAsync<TokenValidationException>(() => verification);
        Assert.Equal(TokenValidationFailureReason.UnknownKeyId, error.Reason);
    }

    /// <summary>Runs a callback where the verifier logs a finished download.</summary>
    private sealed class DownloadListener : ILogger
    {
        public volatile Action? OnDownloaded;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id == JwksDownloadedEvent)
            {
                OnDownloaded?.Invoke();
            }
        }
    }
}
