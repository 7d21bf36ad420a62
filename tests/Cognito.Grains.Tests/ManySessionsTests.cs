using Cognito.Client;
using Cognito.Client.Errors;
using Cognito.Client.Grains;
using Cognito.IdentityProvider.Errors;
using Cognito.Testing.CognitoLocal;

namespace Cognito.Grains.Tests;

/// <summary>One user, two devices: each sign-in its own session, ended one at a time or all at once.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class ManySessionsTests(GrainClusterFixture cluster)
{
    [Fact]
    public async Task Two_sessions_of_one_user_hold_their_own_tokens_and_end_one_at_a_time()
    {
        var alice = await cluster.NewUserAsync("main");
        var (phone, laptop) = (CognitoSessions.NewId(), CognitoSessions.NewId());

        var phoneTokens = await SignInAsync(alice, phone);
        var laptopTokens = await SignInAsync(alice, laptop);
        Assert.NotEqual(phoneTokens.RefreshToken, laptopTokens.RefreshToken);

        var user = cluster.User("main", alice);
        var listed = await user.ListSessionsAsync();
        Assert.Equal(new[] { CognitoSessions.HandleOf(phone), CognitoSessions.HandleOf(laptop) }.Order(), listed.Select(s => s.Handle).Order());
        Assert.All(listed, s => Assert.NotNull(s.ExpiresAt));

        // Ending the phone's session (from the laptop, through the user's key) leaves the laptop working.
        await user.EndSessionAsync(CognitoSessions.HandleOf(phone));
        await Assert.ThrowsAsync<NotSignedInException>(() => CallAsync(alice, phone, g => g.GetTokensAsync()));
        Assert.Equal(laptopTokens, await CallAsync(alice, laptop, g => g.GetTokensAsync()));
        var renewed = await CallAsync(alice, laptop, g => g.RenewAccessTokenAsync());
        Assert.NotNull(renewed.AccessToken);
        Assert.Equal([CognitoSessions.HandleOf(laptop)], (await user.ListSessionsAsync()).Select(s => s.Handle));

        // The session keys are independent of the user's own single session.
        Assert.False((await user.GetSessionAsync()).IsSignedIn);
        await EndAllAsync(alice);
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_every_session()
    {
        var bob = await cluster.NewUserAsync("main");
        var (one, two) = (CognitoSessions.NewId(), CognitoSessions.NewId());
        await SignInAsync(bob, one);
        await SignInAsync(bob, two);

        // Logout (GlobalSignOut) through one session ends the other one too.
        await CallAsync(bob, one, async g => { await g.LogoutAsync(); return true; });

        await Assert.ThrowsAsync<NotSignedInException>(() => CallAsync(bob, one, g => g.GetTokensAsync()));
        await GrainClusterFixture.WaitUntilAsync(async () =>
        {
            try
            {
                await CallAsync(bob, two, g => g.GetTokensAsync());
                return false;
            }
            catch (NotSignedInException)
            {
                return true;
            }
        }, "the other session ended");
        Assert.Empty(await cluster.User("main", bob).ListSessionsAsync());
    }

    [Fact]
    public async Task A_session_key_without_its_session_id_opens_nothing()
    {
        var carol = await cluster.NewUserAsync("main");
        var id = CognitoSessions.NewId();
        var tokens = await SignInAsync(carol, id);
        var grain = cluster.Grains.GetCognitoSession("main", carol, id);

        // The key alone (as Orleans might log it) or with another session's id gives no tokens.
        await Assert.ThrowsAsync<SessionProofException>(() => grain.GetTokensAsync());
        using (CognitoSessions.Enter(CognitoSessions.NewId()))
        {
            await Assert.ThrowsAsync<SessionProofException>(() => grain.GetTokensAsync());
        }

        Assert.Equal(tokens, await CallAsync(carol, id, g => g.GetTokensAsync()));
        Assert.Throws<InvalidParameterException>(() => CognitoSessions.Key("main", carol, "short"));
        await EndAllAsync(carol);
    }

    [Fact]
    public async Task A_session_id_never_changes_hands_to_another_user()
    {
        var dave = await cluster.NewUserAsync("main");
        var erin = await cluster.NewUserAsync("main");
        var id = CognitoSessions.NewId();
        await SignInAsync(dave, id);
        var erinsTokens = await SignInAsync(erin, CognitoSessions.NewId());

        // Erin's tokens on dave's session key: refused, dave's session unchanged.
        await Assert.ThrowsAsync<TokensForAnotherUserException>(() => CallAsync(dave, id, g => g.SignInWithTokensAsync(erinsTokens)));
        Assert.Equal(dave, (await CallAsync(dave, id, g => g.GetUserAsync())).Username);
        await EndAllAsync(dave);
        await EndAllAsync(erin);
    }

    // Live sessions would refresh when other tests move the shared fake clock, and those tests count refreshes.
    private async Task EndAllAsync(string username)
    {
        var user = cluster.User("main", username);
        await user.LogoutAsync();
        Assert.Empty(await user.ListSessionsAsync());
    }

    private async Task<Cognito.Client.Model.TokenSet> SignInAsync(string username, string sessionId)
    {
        await CallAsync(username, sessionId, g => g.AuthenticateAsync(CognitoLocalFixture.DefaultPassword));
        return await CallAsync(username, sessionId, g => g.GetTokensAsync());
    }

    private async Task<T> CallAsync<T>(string username, string sessionId, Func<ICognitoUserGrain, Task<T>> call)
    {
        using var proof = CognitoSessions.Enter(sessionId);
        return await call(cluster.Grains.GetCognitoSession("main", username, sessionId));
    }
}
