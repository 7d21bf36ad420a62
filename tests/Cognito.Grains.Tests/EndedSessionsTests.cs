using Cognito.Client.Errors;
using Cognito.Client.Grains;
using Cognito.Client.Model;
using Cognito.Grains.Revocation;

namespace Cognito.Grains.Tests;

/// <summary>The pool's ended-sessions log: what each way of ending a session adds, versions, expiry and who may add.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class EndedSessionsTests(GrainClusterFixture cluster)
{
    private readonly SessionDriver _main = new(cluster, "main");

    [Fact]
    public async Task Ending_one_session_logs_the_event_ids_of_every_token_set_it_was_issued_and_nothing_of_the_other()
    {
        var alice = await cluster.NewUserAsync("main");
        var (phone, laptop) = (CognitoSessions.NewId(), CognitoSessions.NewId());
        var first = await _main.SignInAsync(alice, phone);
        var second = await _main.CallAsync(alice, phone, g => g.RenewAccessTokenAsync());
        var laptopTokens = await _main.SignInAsync(alice, laptop);
        var before = await _main.Log.GetSinceAsync(0);

        await _main.User(alice).EndSessionAsync(CognitoSessions.HandleOf(phone));

        var page = await _main.Log.GetSinceAsync(before.Version);
        Assert.True(page.IsComplete);
        Assert.True(page.Version > before.Version);
        // cognito-local issues no origin_jti and a new event_id per refresh: both token sets are named.
        var expected = new[] { first, second }.Select(t => SessionDriver.Claims(t.AccessToken).EventId).ToList();
        Assert.All(expected, Assert.NotNull);
        Assert.Equal(expected.Order(), page.Entries.Select(e => e.EventId).Order());
        Assert.All(page.Entries, e => Assert.Null(e.OriginJti ?? e.Subject));
        Assert.All(page.Entries, e => Assert.True(e.KeepUntil >= first.ExpiresAt));
        Assert.Equal(second.ExpiresAt, page.Entries.Max(e => e.KeepUntil));
        Assert.DoesNotContain(page.Entries, e => e.EventId == SessionDriver.Claims(laptopTokens.AccessToken).EventId);

        // RevokeSessionAsync on the session's own key logs the same way.
        var after = page.Version;
        await _main.CallAsync(alice, laptop, g => g.RevokeSessionAsync());
        var revoked = await _main.Log.GetSinceAsync(after);
        Assert.Equal([SessionDriver.Claims(laptopTokens.AccessToken).EventId], revoked.Entries.Select(e => e.EventId));
        await _main.EndAllAsync(alice);
    }

    [Fact]
    public async Task Signing_out_everywhere_logs_one_entry_for_the_user_kept_as_long_as_a_token_lives()
    {
        var bob = await cluster.NewUserAsync("main");
        var id = CognitoSessions.NewId();
        var tokens = await _main.SignInAsync(bob, id);
        await _main.SignInAsync(bob, CognitoSessions.NewId());
        var before = (await _main.Log.GetSinceAsync(0)).Version;

        await _main.CallAsync(bob, id, g => g.LogoutAsync());

        var page = await _main.Log.GetSinceAsync(before);
        var entry = Assert.Single(page.Entries);
        Assert.Equal(SessionDriver.Claims(tokens.AccessToken).Subject, entry.Subject);
        Assert.Null(entry.OriginJti ?? entry.EventId);
        Assert.Equal(cluster.Clock.GetUtcNow(), entry.IssuedUpTo);
        // The main pool's access and ID tokens live an hour.
        Assert.Equal(TimeSpan.FromHours(1), entry.KeepUntil - entry.IssuedUpTo);
        await GrainClusterFixture.WaitUntilAsync(async () => (await _main.User(bob).ListSessionsAsync()).Count == 0, "every session ended");
    }

    [Fact]
    public async Task An_admin_sign_out_logs_the_user_too()
    {
        var carol = await cluster.NewUserAsync("main");
        var tokens = await _main.SignInAsync(carol, CognitoSessions.NewId());
        var before = (await _main.Log.GetSinceAsync(0)).Version;

        await _main.User(carol).AdminLogoutAsync();

        var entry = Assert.Single((await _main.Log.GetSinceAsync(before)).Entries);
        Assert.Equal(SessionDriver.Claims(tokens.IdToken!).Subject, entry.Subject);
        Assert.Empty(await _main.User(carol).ListSessionsAsync());
    }

    [Fact]
    public async Task Pages_are_incremental_and_a_version_the_log_cannot_answer_for_gets_everything_live()
    {
        var dave = await cluster.NewUserAsync("main");
        var (one, two) = (CognitoSessions.NewId(), CognitoSessions.NewId());
        var oneTokens = await _main.SignInAsync(dave, one);
        var twoTokens = await _main.SignInAsync(dave, two);
        var start = (await _main.Log.GetSinceAsync(0)).Version;

        await _main.User(dave).EndSessionAsync(CognitoSessions.HandleOf(one));
        var v1 = await _main.Log.GetSinceAsync(start);
        await _main.User(dave).EndSessionAsync(CognitoSessions.HandleOf(two));
        var v2 = await _main.Log.GetSinceAsync(v1.Version);

        Assert.Equal([EventIdOf(oneTokens)], v1.Entries.Select(e => e.EventId));
        Assert.Equal([EventIdOf(twoTokens)], v2.Entries.Select(e => e.EventId));
        Assert.True(v2.Version > v1.Version);
        var nothingNew = await _main.Log.GetSinceAsync(v2.Version);
        Assert.True(nothingNew.IsComplete);
        Assert.Empty(nothingNew.Entries);
        Assert.Equal(v2.Version, nothingNew.Version);

        // A version from before this log began, or from after its latest, cannot be answered incrementally: replace with every live entry.
        foreach (var unknown in new[] { 1L, v2.Version + 1000 })
        {
            var replace = await _main.Log.GetSinceAsync(unknown);
            Assert.False(replace.IsComplete);
            Assert.Equal((await _main.Log.GetSinceAsync(0)).Entries, replace.Entries);
            Assert.Contains(replace.Entries, e => e.EventId == EventIdOf(oneTokens));
        }
    }

    [Fact]
    public async Task Beyond_its_capacity_the_log_drops_the_oldest_and_says_a_page_is_not_complete()
    {
        // The limits pool keeps 3 entries.
        var limits = new SessionDriver(cluster, "limits");
        var erin = await cluster.NewUserAsync("limits");
        var start = (await limits.Log.GetSinceAsync(0)).Version;
        var eventIds = new List<string?>();
        for (var i = 0; i < 4; i++)
        {
            var id = CognitoSessions.NewId();
            eventIds.Add(EventIdOf(await limits.SignInAsync(erin, id)));
            await limits.CallAsync(erin, id, g => g.RevokeSessionAsync());
        }

        var page = await limits.Log.GetSinceAsync(start);
        Assert.False(page.IsComplete);
        Assert.Equal(eventIds.Skip(1), page.Entries.Select(e => e.EventId));
        var incremental = await limits.Log.GetSinceAsync(start + 1);
        Assert.True(incremental.IsComplete);
        Assert.Equal(eventIds.Skip(1), incremental.Entries.Select(e => e.EventId));
    }

    [Fact]
    public async Task Entries_are_dropped_once_every_token_they_match_has_expired()
    {
        var frank = await cluster.NewUserAsync("main");
        var id = CognitoSessions.NewId();
        var tokens = await _main.SignInAsync(frank, id);
        await _main.CallAsync(frank, id, g => g.RevokeSessionAsync());
        Assert.Contains((await _main.Log.GetSinceAsync(0)).Entries, e => e.EventId == EventIdOf(tokens));

        cluster.Clock.Advance(tokens.ExpiresAt - cluster.Clock.GetUtcNow() + TimeSpan.FromSeconds(1));

        var page = await _main.Log.GetSinceAsync(0);
        Assert.DoesNotContain(page.Entries, e => e.EventId == EventIdOf(tokens));
        Assert.All(page.Entries, e => Assert.True(e.KeepUntil >= cluster.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task Only_user_grains_may_add_to_the_log()
    {
        var log = cluster.Grains.GetGrain<IEndedSessionsLog>("main");
        var forged = new EndedSession(null, null, "someone-else", cluster.Clock.GetUtcNow(), cluster.Clock.GetUtcNow().AddHours(1));
        var before = (await _main.Log.GetSinceAsync(0)).Version;

        await Assert.ThrowsAsync<InternalCallRefusedException>(() => log.AddAsync([forged]));

        var page = await _main.Log.GetSinceAsync(before);
        Assert.Empty(page.Entries);
        Assert.Equal(before, page.Version);
        await Assert.ThrowsAsync<UnknownPoolException>(() => cluster.Grains.GetGrain<IEndedSessionsGrain>("nosuchpool").GetSinceAsync(0));
    }

    private static string? EventIdOf(TokenSet tokens) => SessionDriver.Claims(tokens.AccessToken).EventId;
}
