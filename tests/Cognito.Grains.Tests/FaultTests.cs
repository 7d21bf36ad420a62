using Cognito.Client.Model;
using Cognito.IdentityProvider.Errors;
using Cognito.Testing.CognitoLocal;
using Cognito.Testing.SrpFront;
using Xunit.Abstractions;

namespace Cognito.Grains.Tests;

/// <summary>
/// A refresh-heavy run with 30 % of Cognito's answers failing (5xx, throttling, resets, timeouts,
/// slow answers): no session is lost, no caller ever gets an expired token, retries stay bounded,
/// and once the faults stop every session refreshes once, without a storm.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class FaultTests(GrainClusterFixture cluster, ITestOutputHelper output)
{
    private const string Pool = "faults";
    private const string RefreshCall = "InitiateAuth:REFRESH_TOKEN_AUTH";
    private const int Sessions = 24;
    private const int CallersPerSession = 3;
    private const int CallsPerCaller = 3;
    private const int Rounds = 3;
    // The pool's MaxRetryAttempts (1) plus the first attempt.
    private const int AttemptsPerRefresh = 2;
    private static readonly TimeSpan TokenLeeway = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Thirty_percent_faults_lose_no_session_and_hand_out_no_expired_token()
    {
        await cluster.DeactivateAllAsync();
        var usernames = new List<string>();
        for (var i = 0; i < Sessions; i++)
        {
            var username = await cluster.NewUserAsync(Pool);
            // One retry-safe round trip: the pool's 1 s attempt timeout is for the faults, and a slow machine must not spend an SRP session.
            Assert.True((await cluster.User(Pool, username).AuthenticateWithFlowAsync("USER_PASSWORD_AUTH", CognitoLocalFixture.DefaultPassword)).IsSignedIn);
            usernames.Add(username);
        }

        var front = cluster.Front;
        var signIns = SignInCalls();
        var refreshesBefore = front.Count(RefreshCall);
        var served = 0;
        var transient = new Dictionary<string, int>(StringComparer.Ordinal);
        front.Faults.HoldFor = TimeSpan.FromMilliseconds(1500);
        front.Faults.SlowBy = TimeSpan.FromMilliseconds(200);
        front.Faults.Start(0.3, FaultKind.All, RefreshCall);
        try
        {
            for (var round = 0; round < Rounds; round++)
            {
                // Every session's tokens expire: the timers fire and the callers pile in at once.
                cluster.Clock.Advance(TimeSpan.FromMinutes(61));
                var now = cluster.Clock.GetUtcNow();
                var outcomes = await Task.WhenAll(usernames.SelectMany(username =>
                    Enumerable.Range(0, CallersPerSession).Select(_ => CallRepeatedlyAsync(username))));
                foreach (var outcome in outcomes.SelectMany(o => o))
                {
                    if (outcome.Tokens is { } tokens)
                    {
                        Assert.True(tokens.ExpiresAt > now + TokenLeeway, $"An expired or expiring token was handed out (expires {tokens.ExpiresAt:O}, now {now:O}).");
                        served++;
                    }
                    else
                    {
                        var error = outcome.Error!;
                        Assert.True(CognitoTransience.IsTransient(error), $"A fault surfaced as a non-transient {error.GetType().Name} ({error.ErrorCode}).");
                        transient[error.ErrorCode] = transient.GetValueOrDefault(error.ErrorCode) + 1;
                    }
                }
            }
        }
        finally
        {
            front.Faults.Stop();
        }

        output.WriteLine($"served {served}, transient errors {string.Join(", ", transient.Select(t => $"{t.Key} {t.Value}"))}, faults injected {front.Faults.InjectedTotal}, refresh calls {front.Count(RefreshCall) - refreshesBefore}");
        Assert.True(front.Faults.InjectedTotal > 0);
        Assert.True(served > 0);
        // Each grain-level refresh (a caller's or a timer's) makes at most AttemptsPerRefresh calls.
        var callerRefreshes = Rounds * Sessions * CallersPerSession * CallsPerCaller;
        var timerRefreshes = Rounds * Sessions;
        var faultPhaseCalls = front.Count(RefreshCall) - refreshesBefore;
        Assert.InRange(faultPhaseCalls, Rounds * Sessions, (callerRefreshes + timerRefreshes) * AttemptsPerRefresh);

        // Faults over: every session still holds its session and refreshes once, without a new sign-in.
        // Counted per whole second: start on a fresh one, so the fault phase's last calls stay out.
        var calm = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
        await Task.Delay(calm - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(10));
        var afterFaults = front.Count(RefreshCall);
        var nowAfter = cluster.Clock.GetUtcNow();
        foreach (var username in usernames)
        {
            var user = cluster.User(Pool, username);
            Assert.True((await user.GetSessionAsync()).IsSignedIn, "A session was lost to a transient fault.");
            Assert.True((await user.GetTokensAsync()).ExpiresAt > nowAfter + TokenLeeway);
        }

        // And the next time every session is due, each refreshes exactly once: no backlog of retries left behind.
        var recovered = front.Count(RefreshCall);
        cluster.Clock.Advance(TimeSpan.FromMinutes(61));
        var nowDue = cluster.Clock.GetUtcNow();
        var calls = await Task.WhenAll(usernames.SelectMany(username => Enumerable.Range(0, CallersPerSession).Select(_ => cluster.User(Pool, username).GetTokensAsync())));
        Assert.All(calls, tokens => Assert.True(tokens.ExpiresAt > nowDue + TokenLeeway));
        await Task.Delay(TimeSpan.FromSeconds(1));
        var settled = front.Count(RefreshCall) - recovered;
        output.WriteLine($"after the faults: {recovered - afterFaults} refresh calls to recover, then {settled} for {Sessions} sessions due at once, peak {front.Rates.Peak(RefreshCall, calm)} per second");
        Assert.InRange(recovered - afterFaults, 0, Sessions);
        Assert.Equal(Sessions, settled);
        Assert.InRange(front.Rates.Peak(RefreshCall, calm), 0, Sessions);
        Assert.Equal(signIns, SignInCalls());
    }

    private int SignInCalls() =>
        cluster.Front.Count("InitiateAuth") - cluster.Front.Count(RefreshCall) + cluster.Front.Count("RespondToAuthChallenge");

    private async Task<List<Outcome>> CallRepeatedlyAsync(string username)
    {
        var user = cluster.User(Pool, username);
        var outcomes = new List<Outcome>();
        for (var i = 0; i < CallsPerCaller; i++)
        {
            try
            {
                outcomes.Add(new Outcome(await user.GetTokensAsync(), null));
            }
            catch (CognitoException e)
            {
                outcomes.Add(new Outcome(null, e));
            }
        }

        return outcomes;
    }

    private sealed record Outcome(TokenSet? Tokens, CognitoException? Error);
}
