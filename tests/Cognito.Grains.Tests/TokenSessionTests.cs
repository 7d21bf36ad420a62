using Cognito.Client.Model;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Model;
using Cognito.Testing.CognitoLocal;

namespace Cognito.Grains.Tests;

/// <summary>warrant's <c>Cognito(..., id_token=, access_token=, refresh_token=)</c>: a session from existing tokens, verified first.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class TokenSessionTests(GrainClusterFixture cluster)
{
    [Fact]
    public async Task A_session_starts_from_verified_tokens()
    {
        var username = await cluster.NewUserAsync("main");
        var pool = cluster.Pools["main"];
        var login = await cluster.CreateClient().InitiateAuthAsync(new InitiateAuthRequest
        {
            ClientId = pool.ClientId,
            AuthFlow = AuthFlowType.UserPasswordAuth,
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = username, ["PASSWORD"] = CognitoLocalFixture.DefaultPassword },
        });
        var result = login.AuthenticationResult!;

        var user = cluster.User("main", username);
        var signedIn = await user.SignInWithTokensAsync(new TokenSet(result.AccessToken!, result.IdToken, result.RefreshToken, DateTimeOffset.MinValue));
        Assert.True(signedIn.IsSignedIn);
        Assert.Equal(username, (await user.GetUserAsync()).Username);
        Assert.True((await user.GetTokensAsync()).ExpiresAt > DateTimeOffset.UtcNow);
        Assert.NotNull(await user.RenewAccessTokenAsync());
    }

    [Fact]
    public async Task Forged_or_foreign_tokens_are_refused()
    {
        var user = cluster.User("main", cluster.UniqueName("forged"));
        var forged = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ4IiwidG9rZW5fdXNlIjoiYWNjZXNzIn0.";
        var error = await Assert.ThrowsAsync<TokenValidationException>(() => user.SignInWithTokensAsync(new TokenSet(forged, null, null, DateTimeOffset.MaxValue)));
        Assert.DoesNotContain(forged, error.Message, StringComparison.Ordinal);

        // A token of another pool's client is not this pool's.
        var other = cluster.Pools["secret"];
        var otherUser = await cluster.NewUserAsync("secret");
        var foreignGrain = cluster.User("secret", otherUser);
        await foreignGrain.AuthenticateAsync(CognitoLocalFixture.DefaultPassword);
        var foreign = await foreignGrain.GetTokensAsync();
        await Assert.ThrowsAsync<TokenValidationException>(() => user.SignInWithTokensAsync(foreign));
        Assert.False((await user.GetSessionAsync()).IsSignedIn);
        Assert.NotNull(other);
    }
}
