using Cognito.Client.Errors;
using Cognito.IdentityProvider.Model;
using Cognito.Testing.CognitoLocal;

namespace Cognito.Grains.Tests;

/// <summary>Tokens stay fresh: a grain timer before expiry, lazily after deactivation, one refresh for many callers, rotation, and a clean end when Cognito refuses.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class RefreshTests(GrainClusterFixture cluster)
{
    private const string RefreshCall = "InitiateAuth:REFRESH_TOKEN_AUTH";

    [Fact]
    public async Task A_session_survives_deactivation_and_reactivation()
    {
        var username = await cluster.NewUserAsync("main");
        var user = cluster.User("main", username);
        await user.AuthenticateAsync(CognitoLocalFixture.DefaultPassword);
        var tokens = await user.GetTokensAsync();

        await cluster.DeactivateAllAsync();
        var session = await user.GetSessionAsync();
        Assert.True(session.IsSignedIn);
        Assert.Equal(tokens, await user.GetTokensAsync());
        Assert.Equal(username, (await user.GetUserAsync()).Username);
    }

    [Fact]
    public async Task The_timer_refreshes_before_expiry_and_the_refreshed_tokens_need_no_call()
    {
        // Other tests' grains would refresh too when time moves: only this user's timer may run.
        await cluster.DeactivateAllAsync();
        var username = await cluster.NewUserAsync("secret");
        var user = cluster.User("secret", username);
        await user.AuthenticateAsync(CognitoLocalFixture.DefaultPassword);
        var before = await user.GetTokensAsync();
        var refreshes = cluster.Front.Count(RefreshCall);

        // cognito-local's access tokens live an hour; the timer fires 5 minutes (less jitter) before.
        cluster.Clock.Advance(TimeSpan.FromMinutes(56));
        await GrainClusterFixture.WaitUntilAsync(() => Task.FromResult(cluster.Front.Count(RefreshCall) > refreshes), "the timer refreshed");

        var after = await user.GetTokensAsync();
        Assert.True(after.ExpiresAt > before.ExpiresAt);
        Assert.Equal(refreshes + 1, cluster.Front.Count(RefreshCall));
        // Refresh with a secret client uses the internal username in SECRET_HASH: the front checks it.
        Assert.Equal(username, (await user.GetUserAsync()).Username);
    }

    [Fact]
    public async Task After_deactivation_many_concurrent_callers_cause_exactly_one_refresh()
    {
        var username = await cluster.NewUserAsync("main");
        var user = cluster.User("main", username);
        await user.AuthenticateAsync(CognitoLocalFixture.DefaultPassword);
        await cluster.DeactivateAllAsync();

        var refreshes = cluster.Front.Count(RefreshCall);
        cluster.Clock.Advance(TimeSpan.FromMinutes(61));
        var all = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => user.GetTokensAsync()));
        Assert.Single(all.Select(t => t.AccessToken).Distinct());
        Assert.Equal(refreshes + 1, cluster.Front.Count(RefreshCall));
        Assert.True(all[0].ExpiresAt > cluster.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Check_token_refreshes_an_expired_access_token_once()
    {
        var username = await cluster.NewUserAsync("main");
        var user = cluster.User("main", username);
        await user.AuthenticateAsync(CognitoLocalFixture.DefaultPassword);
        await cluster.DeactivateAllAsync();
        cluster.Clock.Advance(TimeSpan.FromMinutes(61));

        var refreshes = cluster.Front.Count(RefreshCall);
        Assert.True(await user.CheckTokenAsync());
        Assert.False(await user.CheckTokenAsync());
        Assert.Equal(refreshes + 1, cluster.Front.Count(RefreshCall));
    }

    [Fact]
    public async Task Rotation_saves_the_new_refresh_token_and_keeps_refreshing()
    {
        var username = await cluster.NewUserAsync("rotating");
        var user = cluster.User("rotating", username);
        await user.AuthenticateAsync(CognitoLocalFixture.DefaultPassword);
        var original = await user.GetTokensAsync();

        var rotations = cluster.Front.Count("GetTokensFromRefreshToken");
        var first = await user.RenewAccessTokenAsync();
        Assert.NotEqual(original.RefreshToken, first.RefreshToken);
        await cluster.DeactivateAllAsync();
        var second = await user.RenewAccessTokenAsync();
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.Equal(rotations + 2, cluster.Front.Count("GetTokensFromRefreshToken"));
        Assert.Equal(username, (await user.GetUserAsync()).Username);
    }

    [Fact]
    public async Task A_refused_refresh_ends_the_session_cleanly()
    {
        var username = await cluster.NewUserAsync("main");
        var user = cluster.User("main", username);
        await user.AuthenticateAsync(CognitoLocalFixture.DefaultPassword);
        var tokens = await user.GetTokensAsync();

        // The refresh token is revoked behind the grain's back.
        await cluster.CreateClient().RevokeTokenAsync(new RevokeTokenRequest { ClientId = cluster.Pools["main"].ClientId, Token = tokens.RefreshToken! });
        var error = await Assert.ThrowsAsync<NotSignedInException>(() => user.RenewAccessTokenAsync());
        Assert.Equal(NotSignedInException.Code, error.ErrorCode);

        var session = await user.GetSessionAsync();
        Assert.False(session.IsSignedIn);
        Assert.Equal(username, session.Username);
        await Assert.ThrowsAsync<NotSignedInException>(() => user.GetTokensAsync());
        Assert.True((await user.AuthenticateAsync(CognitoLocalFixture.DefaultPassword)).IsSignedIn);
    }

    [Fact]
    public async Task A_global_sign_out_elsewhere_ends_the_session_at_the_next_refresh()
    {
        var username = await cluster.NewUserAsync("main");
        var user = cluster.User("main", username);
        await user.AuthenticateAsync(CognitoLocalFixture.DefaultPassword);
        await cluster.CreateClient(cluster.Pools["main"].UserPoolId).AdminUserGlobalSignOutAsync(new AdminUserGlobalSignOutRequest { UserPoolId = cluster.Pools["main"].UserPoolId, Username = username });

        Assert.False(await user.CheckTokenAsync());
        await Assert.ThrowsAsync<NotSignedInException>(() => user.RenewAccessTokenAsync());
        Assert.False((await user.GetSessionAsync()).IsSignedIn);
    }
}
