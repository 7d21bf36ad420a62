using Cognito.Testing.CognitoLocal;

namespace Cognito.Grains.Tests;

/// <summary>One user never has two grains with competing sessions: aliases and other spellings lead to one owner.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class SessionOwnershipTests(GrainClusterFixture cluster)
{
    [Fact]
    public async Task A_sign_in_through_an_email_alias_lands_in_the_username_grain()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var username = await cluster.NewUserAsync("alias", email);
        var byAlias = cluster.User("alias", email);
        var byName = cluster.User("alias", username);

        var signedIn = await byAlias.AuthenticateAsync(CognitoLocalFixture.DefaultPassword);
        Assert.True(signedIn.IsSignedIn);
        Assert.Equal(username, signedIn.Username);

        var owner = await byName.GetSessionAsync();
        Assert.True(owner.IsSignedIn);
        Assert.Equal($"alias/{username}", owner.OwnerKey);
        Assert.Equal(owner, await byAlias.GetSessionAsync());
        Assert.Equal(await byName.GetTokensAsync(), await byAlias.GetTokensAsync());

        // Signing in again by username replaces the one session rather than adding a second.
        await byName.AuthenticateAsync(CognitoLocalFixture.DefaultPassword);
        Assert.Equal(await byName.GetTokensAsync(), await byAlias.GetTokensAsync());
        await byAlias.LogoutAsync();
        Assert.False((await byName.GetSessionAsync()).IsSignedIn);
    }

    [Fact]
    public async Task Spellings_differing_in_case_share_one_session_in_a_case_insensitive_pool()
    {
        var username = await cluster.NewUserAsync("caseless", username: cluster.UniqueName("dave"));
        var upper = cluster.User("caseless", username.ToUpperInvariant());
        var lower = cluster.User("caseless", username);
        Assert.Equal(username, await cluster.UserPool("caseless").NormalizeUsernameAsync(username.ToUpperInvariant()));

        Assert.True((await upper.AuthenticateAsync(CognitoLocalFixture.DefaultPassword)).IsSignedIn);
        Assert.Equal($"caseless/{username}", (await upper.GetSessionAsync()).OwnerKey);
        Assert.Equal(await lower.GetTokensAsync(), await upper.GetTokensAsync());

        // In a case-sensitive pool the spellings are different users.
        Assert.Equal("MiXeD", await cluster.UserPool("main").NormalizeUsernameAsync("MiXeD"));
    }
}
