using Cognito.Client.Errors;
using Cognito.Client.Model;
using Cognito.IdentityProvider.Model;
using Cognito.Testing.CognitoLocal;

namespace Cognito.Grains.Tests;

/// <summary>
/// A caller can name any grain key: a key never takes on another user's session because someone
/// handed it that user's tokens. Only Cognito answering a sign-in through the key proves a relation.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class KeyTakeOverTests(GrainClusterFixture cluster)
{
    [Fact]
    public async Task Another_users_tokens_do_not_take_over_a_signed_out_key()
    {
        var alice = await cluster.NewUserAsync("main");
        var bob = await cluster.NewUserAsync("main");
        var bobsTokens = await TokensFromElsewhereAsync("main", bob);
        var aliceGrain = cluster.User("main", alice);

        await Assert.ThrowsAsync<TokensForAnotherUserException>(() => aliceGrain.SignInWithTokensAsync(bobsTokens));

        await cluster.DeactivateAllAsync();
        var session = await aliceGrain.GetSessionAsync();
        Assert.False(session.IsSignedIn);
        Assert.Equal($"main/{alice}", session.OwnerKey);
        await Assert.ThrowsAsync<NotSignedInException>(() => aliceGrain.GetTokensAsync());

        // Alice's own sign-in still goes to Cognito as alice, and bob's grain never heard of it.
        var signedIn = await aliceGrain.AuthenticateAsync(CognitoLocalFixture.DefaultPassword);
        Assert.Equal(alice, signedIn.Username);
        Assert.Equal(alice, (await aliceGrain.GetUserAsync()).Username);
        Assert.False((await cluster.User("main", bob).GetSessionAsync()).IsSignedIn);
    }

    [Fact]
    public async Task Another_users_tokens_leave_a_signed_in_key_untouched()
    {
        var alice = await cluster.NewUserAsync("main");
        var bob = await cluster.NewUserAsync("main");
        var aliceGrain = cluster.User("main", alice);
        await aliceGrain.AuthenticateAsync(CognitoLocalFixture.DefaultPassword);
        var alicesTokens = await aliceGrain.GetTokensAsync();

        await Assert.ThrowsAsync<TokensForAnotherUserException>(async () => await aliceGrain.SignInWithTokensAsync(await TokensFromElsewhereAsync("main", bob)));

        await cluster.DeactivateAllAsync();
        Assert.Equal(alicesTokens, await aliceGrain.GetTokensAsync());
        Assert.Equal(alice, (await aliceGrain.GetUserAsync()).Username);
        Assert.True((await aliceGrain.GetSessionAsync()).IsSignedIn);
    }

    [Fact]
    public async Task Tokens_from_elsewhere_never_make_a_key_an_alias()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var owner = await cluster.NewUserAsync("alias", email);
        var byAlias = cluster.User("alias", email);

        // The user's own tokens, but obtained outside this key: Cognito proved nothing about the key.
        await Assert.ThrowsAsync<TokensForAnotherUserException>(async () => await byAlias.SignInWithTokensAsync(await TokensFromElsewhereAsync("alias", owner)));
        Assert.False((await byAlias.GetSessionAsync()).IsSignedIn);
        Assert.Equal($"alias/{email}", (await byAlias.GetSessionAsync()).OwnerKey);

        // Once a sign-in through the alias proved it, the owner still refuses anyone else's tokens.
        await byAlias.AuthenticateAsync(CognitoLocalFixture.DefaultPassword);
        var held = await byAlias.GetTokensAsync();
        var stranger = await cluster.NewUserAsync("alias");
        await Assert.ThrowsAsync<TokensForAnotherUserException>(async () => await byAlias.SignInWithTokensAsync(await TokensFromElsewhereAsync("alias", stranger)));
        Assert.Equal(held, await cluster.User("alias", owner).GetTokensAsync());
    }

    [Fact]
    public async Task An_alias_that_moves_to_another_user_follows_it()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var first = await cluster.NewUserAsync("alias", email);
        var second = await cluster.NewUserAsync("alias");
        var byAlias = cluster.User("alias", email);
        Assert.Equal(first, (await byAlias.AuthenticateAsync(CognitoLocalFixture.DefaultPassword)).Username);
        var firstTokens = await byAlias.GetTokensAsync();

        // The email moves: the first user gets another one, the second verifies this one.
        await SetEmailAsync(first, $"{Guid.NewGuid():N}@example.com");
        await SetEmailAsync(second, email);
        cluster.Clock.Advance(TimeSpan.FromMinutes(2));

        // The alias no longer serves the first user's session...
        await Assert.ThrowsAsync<NotSignedInException>(() => byAlias.GetTokensAsync());
        Assert.Equal($"alias/{email}", (await byAlias.GetSessionAsync()).OwnerKey);

        // ...and a sign-in through it reaches the user Cognito now resolves it to.
        Assert.Equal(second, (await byAlias.AuthenticateAsync(CognitoLocalFixture.DefaultPassword)).Username);
        Assert.Equal(await cluster.User("alias", second).GetTokensAsync(), await byAlias.GetTokensAsync());
        Assert.Equal(second, (await byAlias.GetUserAsync()).Username);

        // The first user's own session was never touched.
        Assert.Equal(firstTokens, await cluster.User("alias", first).GetTokensAsync());
    }

    [Fact]
    public async Task An_alias_of_a_deleted_user_serves_nothing()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var owner = await cluster.NewUserAsync("alias", email);
        var byAlias = cluster.User("alias", email);
        await byAlias.AuthenticateAsync(CognitoLocalFixture.DefaultPassword);

        await cluster.CreateClient(cluster.Pools["alias"].UserPoolId).AdminDeleteUserAsync(new AdminDeleteUserRequest { UserPoolId = cluster.Pools["alias"].UserPoolId, Username = owner });
        cluster.Clock.Advance(TimeSpan.FromMinutes(2));

        await Assert.ThrowsAsync<NotSignedInException>(() => byAlias.GetTokensAsync());
        await Assert.ThrowsAsync<NotSignedInException>(() => byAlias.GetUserAsync());
    }

    [Fact]
    public async Task A_client_cannot_use_the_grains_hand_over_interface()
    {
        var username = await cluster.NewUserAsync("main");
        var user = cluster.User("main", username);
        await user.AuthenticateAsync(CognitoLocalFixture.DefaultPassword);
        var held = await user.GetTokensAsync();
        var owner = cluster.Grains.GetGrain<Cognito.Grains.Users.ISessionOwner>($"main/{username}");

        await Assert.ThrowsAsync<InternalCallRefusedException>(() => owner.GetDeviceAsync());
        await Assert.ThrowsAsync<InternalCallRefusedException>(() => owner.ConfirmAliasAsync("someone@example.com", CancellationToken.None));
        var planted = new Cognito.Grains.Users.StoredTokens("eyJ.planted.access", null, "planted-refresh", DateTimeOffset.UtcNow.AddHours(1), "Bearer");
        await Assert.ThrowsAsync<InternalCallRefusedException>(() => owner.AdoptAsync("intruder", planted, null, null));

        Assert.Equal(held, await user.GetTokensAsync());
        Assert.Equal(username, (await user.GetSessionAsync()).Username);
    }

    private async Task<TokenSet> TokensFromElsewhereAsync(string pool, string username)
    {
        var settings = cluster.Pools[pool];
        var parameters = new Dictionary<string, string> { ["USERNAME"] = username, ["PASSWORD"] = CognitoLocalFixture.DefaultPassword };
        if (settings.ClientSecret is { } secret)
        {
            parameters["SECRET_HASH"] = new Cognito.IdentityProvider.Authentication.CognitoAppClient(settings.UserPoolId, settings.ClientId, secret).SecretHashFor(username)!;
        }

        var login = await cluster.CreateClient().InitiateAuthAsync(new InitiateAuthRequest { ClientId = settings.ClientId, AuthFlow = AuthFlowType.UserPasswordAuth, AuthParameters = parameters });
        var result = login.AuthenticationResult!;
        return new TokenSet(result.AccessToken!, result.IdToken, result.RefreshToken, DateTimeOffset.MinValue);
    }

    private Task SetEmailAsync(string username, string email) =>
        cluster.CreateClient(cluster.Pools["alias"].UserPoolId).AdminUpdateUserAttributesAsync(new AdminUpdateUserAttributesRequest
        {
            UserPoolId = cluster.Pools["alias"].UserPoolId,
            Username = username,
            UserAttributes = [new AttributeType { Name = "email", Value = email }, new AttributeType { Name = "email_verified", Value = "true" }],
        });
}
