using Cognito.Client.Errors;
using Cognito.Client.Grains;
using Cognito.Client.Model;

namespace Cognito.Grains.Tests;

/// <summary>
/// The limits pool's session limits on the fake clock: at most 2 sessions per user, 30 minutes
/// idle, 45 minutes in all. Each limit ends a session as EndSessionAsync does (RevokeToken and a log entry).
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class SessionLimitTests(GrainClusterFixture cluster)
{
    private readonly SessionDriver _limits = new(cluster, "limits");

    [Fact]
    public async Task A_session_beyond_the_maximum_ends_the_oldest()
    {
        var alice = await cluster.NewUserAsync("limits");
        var (first, second, third) = (CognitoSessions.NewId(), CognitoSessions.NewId(), CognitoSessions.NewId());
        var firstTokens = await _limits.SignInAsync(alice, first);
        cluster.Clock.Advance(TimeSpan.FromSeconds(1));
        await _limits.SignInAsync(alice, second);
        cluster.Clock.Advance(TimeSpan.FromSeconds(1));
        await _limits.SignInAsync(alice, third);

        await GrainClusterFixture.WaitUntilAsync(async () => !await IsSignedInAsync(alice, first), "the oldest session ended");
        Assert.True(await IsSignedInAsync(alice, second));
        Assert.True(await IsSignedInAsync(alice, third));
        Assert.Equal(new[] { second, third }.Select(CognitoSessions.HandleOf), (await _limits.User(alice).ListSessionsAsync()).Select(s => s.Handle));
        Assert.Contains((await _limits.Log.GetSinceAsync(0)).Entries, e => e.EventId == EventIdOf(firstTokens));
        await _limits.EndAllAsync(alice);
    }

    [Fact]
    public async Task A_session_unused_for_its_idle_lifetime_ends_at_its_next_call_while_a_used_one_goes_on()
    {
        var bob = await cluster.NewUserAsync("limits");
        var (idle, busy) = (CognitoSessions.NewId(), CognitoSessions.NewId());
        var idleTokens = await _limits.SignInAsync(bob, idle);
        await _limits.SignInAsync(bob, busy);

        foreach (var step in new[] { 10, 10, 11 })
        {
            cluster.Clock.Advance(TimeSpan.FromMinutes(step));
            await _limits.CallAsync(bob, busy, g => g.GetTokensAsync());
        }

        await Assert.ThrowsAsync<NotSignedInException>(() => _limits.CallAsync(bob, idle, g => g.GetTokensAsync()));
        Assert.False((await _limits.CallAsync(bob, idle, g => g.GetSessionAsync())).IsSignedIn);
        Assert.Contains((await _limits.Log.GetSinceAsync(0)).Entries, e => e.EventId == EventIdOf(idleTokens));
        Assert.Equal([CognitoSessions.HandleOf(busy)], (await _limits.User(bob).ListSessionsAsync()).Select(s => s.Handle));
        await _limits.EndAllAsync(bob);
    }

    [Fact]
    public async Task A_session_ends_at_its_absolute_lifetime_however_much_it_is_used()
    {
        var carol = await cluster.NewUserAsync("limits");
        var id = CognitoSessions.NewId();
        await _limits.SignInAsync(carol, id);
        for (var i = 0; i < 4; i++)
        {
            cluster.Clock.Advance(TimeSpan.FromMinutes(10));
            await _limits.CallAsync(carol, id, g => g.GetTokensAsync());
        }

        cluster.Clock.Advance(TimeSpan.FromMinutes(6));
        await Assert.ThrowsAsync<NotSignedInException>(() => _limits.CallAsync(carol, id, g => g.GetTokensAsync()));
        Assert.Empty(await _limits.User(carol).ListSessionsAsync());
    }

    [Fact]
    public async Task The_timer_ends_a_session_past_its_lifetime_instead_of_refreshing_it()
    {
        var dave = await cluster.NewUserAsync("limits");
        var id = CognitoSessions.NewId();
        var tokens = await _limits.SignInAsync(dave, id);
        var start = (await _limits.Log.GetSinceAsync(0)).Version;

        // No call on the session: only its refresh timer, due about 55 minutes in, can end it.
        cluster.Clock.Advance(TimeSpan.FromMinutes(50));
        await cluster.AdvanceUntilAsync(TimeSpan.FromMinutes(1), async () => (await _limits.Log.GetSinceAsync(start)).Entries.Count > 0, "the timer ended the session");

        // Its only token set is the sign-in's: it was never refreshed.
        Assert.Equal([EventIdOf(tokens)], (await _limits.Log.GetSinceAsync(start)).Entries.Select(e => e.EventId));
        await Assert.ThrowsAsync<NotSignedInException>(() => _limits.CallAsync(dave, id, g => g.GetTokensAsync()));
    }

    private async Task<bool> IsSignedInAsync(string username, string sessionId) =>
        (await _limits.CallAsync(username, sessionId, g => g.GetSessionAsync())).IsSignedIn;

    private static string? EventIdOf(TokenSet tokens) => SessionDriver.Claims(tokens.AccessToken).EventId;
}
