using Cognito.Client;
using Cognito.Client.Grains;
using Cognito.Client.Model;
using Cognito.IdentityProvider.Tokens;
using Cognito.Testing.CognitoLocal;

namespace Cognito.Grains.Tests;

/// <summary>Sign-ins and calls on session keys of one pool, each carrying its session id, as a front end makes them.</summary>
internal sealed class SessionDriver(GrainClusterFixture cluster, string pool)
{
    public ICognitoUserGrain User(string username) => cluster.User(pool, username);

    public IEndedSessionsGrain Log => cluster.Grains.GetEndedSessions(pool);

    public async Task<TokenSet> SignInAsync(string username, string sessionId)
    {
        await CallAsync(username, sessionId, g => g.AuthenticateAsync(CognitoLocalFixture.DefaultPassword));
        return await CallAsync(username, sessionId, g => g.GetTokensAsync());
    }

    public async Task<T> CallAsync<T>(string username, string sessionId, Func<ICognitoUserGrain, Task<T>> call)
    {
        using var proof = CognitoSessions.Enter(sessionId);
        return await call(cluster.Grains.GetCognitoSession(pool, username, sessionId));
    }

    public Task CallAsync(string username, string sessionId, Func<ICognitoUserGrain, Task> call) =>
        CallAsync(username, sessionId, async g => { await call(g); return true; });

    /// <summary>Signs the user out everywhere, so no live session refreshes when later tests move the shared fake clock.</summary>
    public async Task EndAllAsync(string username)
    {
        var user = User(username);
        await user.LogoutAsync();
        Assert.Empty(await user.ListSessionsAsync());
    }

    public static UnverifiedTokenClaims Claims(string token) => UnverifiedTokenReader.ReadUnverified(token);
}
