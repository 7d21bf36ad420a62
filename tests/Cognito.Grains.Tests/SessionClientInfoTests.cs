using Cognito.Client.Grains;
using Cognito.Client.Model;
using Cognito.IdentityProvider.Errors;

namespace Cognito.Grains.Tests;

/// <summary>What the listing shows of each session: the client the front end described, and when it was last used.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class SessionClientInfoTests(GrainClusterFixture cluster)
{
    private readonly SessionDriver _main = new(cluster, "main");

    [Fact]
    public async Task The_listing_shows_the_client_each_front_end_described()
    {
        var alice = await cluster.NewUserAsync("main");
        var (phone, laptop) = (CognitoSessions.NewId(), CognitoSessions.NewId());
        await _main.SignInAsync(alice, phone);
        await _main.SignInAsync(alice, laptop);
        var described = new SessionClientInfo("Alice's phone", "Mozilla/5.0 (Android 15; Mobile)", "2001:db8::7");
        await _main.CallAsync(alice, phone, g => g.DescribeClientAsync(described));

        var listed = (await _main.User(alice).ListSessionsAsync()).ToDictionary(s => s.Handle);
        var shown = listed[CognitoSessions.HandleOf(phone)];
        Assert.Equal(described, new SessionClientInfo(shown.DeviceName, shown.UserAgent, shown.IpAddress));
        var other = listed[CognitoSessions.HandleOf(laptop)];
        Assert.Null(other.DeviceName ?? other.UserAgent ?? other.IpAddress);
        await _main.EndAllAsync(alice);
    }

    [Theory]
    [InlineData(101, null, null)]
    [InlineData(null, 513, null)]
    [InlineData(null, null, -1)]
    public async Task Client_information_out_of_bounds_is_refused(int? deviceNameLength, int? userAgentLength, int? badIp)
    {
        var bob = await cluster.NewUserAsync("main");
        var id = CognitoSessions.NewId();
        await _main.SignInAsync(bob, id);
        var client = new SessionClientInfo(
            deviceNameLength is { } d ? new string('d', d) : "Bob's laptop",
            userAgentLength is { } u ? new string('u', u) : "curl/8.0",
            badIp is null ? "203.0.113.7" : "not-an-address");

        await Assert.ThrowsAsync<InvalidParameterException>(() => _main.CallAsync(bob, id, g => g.DescribeClientAsync(client)));
        await Assert.ThrowsAsync<InvalidParameterException>(() => _main.CallAsync(bob, id, g => g.DescribeClientAsync(new SessionClientInfo("line\nbreak", null, null))));
        // The user's own key holds no client of its own.
        await Assert.ThrowsAsync<InvalidParameterException>(() => _main.User(bob).DescribeClientAsync(new SessionClientInfo("x", null, null)));
        Assert.Null((await _main.User(bob).ListSessionsAsync()).Single().DeviceName);
        await _main.EndAllAsync(bob);
    }

    [Fact]
    public async Task Last_use_is_shown_at_once_and_written_at_most_every_five_minutes()
    {
        var carol = await cluster.NewUserAsync("main");
        var id = CognitoSessions.NewId();
        await _main.SignInAsync(carol, id);
        var signedIn = cluster.Clock.GetUtcNow();

        cluster.Clock.Advance(TimeSpan.FromMinutes(1));
        await _main.CallAsync(carol, id, g => g.GetTokensAsync());
        Assert.Equal(cluster.Clock.GetUtcNow(), await LastUsedAsync(carol));

        // That use was not written: after a deactivation the stored last use is the sign-in's.
        await cluster.DeactivateAllAsync();
        Assert.Equal(signedIn, await LastUsedAsync(carol));

        cluster.Clock.Advance(TimeSpan.FromMinutes(5));
        await _main.CallAsync(carol, id, g => g.GetTokensAsync());
        var written = cluster.Clock.GetUtcNow();
        await cluster.DeactivateAllAsync();
        Assert.Equal(written, await LastUsedAsync(carol));
        await _main.EndAllAsync(carol);
    }

    // A session joins its user's list one-way (the two keys never await each other), so a listing
    // right after the sign-in may come before the join: wait for it, bounded.
    private async Task<DateTimeOffset?> LastUsedAsync(string username)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var sessions = await _main.User(username).ListSessionsAsync();
            if (sessions.Count > 0 || DateTime.UtcNow > deadline)
            {
                return sessions.Single().LastUsedAt;
            }

            await Task.Delay(20);
        }
    }
}
