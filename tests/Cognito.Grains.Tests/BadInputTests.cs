using Cognito.Client;
using Cognito.Client.Errors;
using Cognito.IdentityProvider.Errors;
using Cognito.Testing.CognitoLocal;

namespace Cognito.Grains.Tests;

/// <summary>Bad input through a grain: a typed error that keeps its Cognito name across the wire, and a grain that still works afterwards.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class BadInputTests(GrainClusterFixture cluster)
{
    [Fact]
    public async Task Wrong_password_then_the_right_one()
    {
        var username = await cluster.NewUserAsync("main");
        var user = cluster.User("main", username);
        var error = await Assert.ThrowsAsync<NotAuthorizedException>(() => user.AuthenticateAsync("Wr0ng!Password"));
        Assert.Equal(NotAuthorizedException.Code, error.ErrorCode);
        Assert.DoesNotContain("Wr0ng!Password", error.ToString(), StringComparison.Ordinal);
        Assert.False((await user.GetSessionAsync()).IsSignedIn);
        Assert.True((await user.AuthenticateAsync(CognitoLocalFixture.DefaultPassword)).IsSignedIn);
    }

    [Fact]
    public async Task Unknown_users_expired_codes_and_missing_sessions()
    {
        var ghost = cluster.User("main", cluster.UniqueName("ghost"));
        var unknown = await Assert.ThrowsAnyAsync<CognitoServiceException>(() => ghost.AuthenticateAsync(CognitoLocalFixture.DefaultPassword));
        Assert.Contains(unknown.ErrorCode, new[] { UserNotFoundException.Code, NotAuthorizedException.Code });
        await Assert.ThrowsAsync<UserNotFoundException>(() => ghost.AdminGetUserAsync());

        await Assert.ThrowsAsync<NotSignedInException>(() => ghost.GetUserAsync());
        await Assert.ThrowsAsync<NotSignedInException>(() => ghost.UpdateProfileAsync(new Dictionary<string, string> { ["given_name"] = "x" }));
        await Assert.ThrowsAsync<NotSignedInException>(() => ghost.ChangePasswordAsync("a", "b"));
        await Assert.ThrowsAsync<NotSignedInException>(() => ghost.AssociateSoftwareTokenAsync());
        await Assert.ThrowsAsync<NotSignedInException>(() => ghost.ListDevicesAsync());
        await Assert.ThrowsAsync<NotSignedInException>(() => ghost.VerifyTokenAsync());
        await ghost.LogoutAsync();

        var username = cluster.UniqueName("code");
        var user = cluster.User("main", username);
        await user.RegisterAsync(new Client.Model.Registration(CognitoLocalFixture.DefaultPassword, new Dictionary<string, string> { ["email"] = $"{username}@example.com" }));
        var mismatch = await Assert.ThrowsAsync<CodeMismatchException>(() => user.ConfirmSignUpAsync("111111"));
        Assert.DoesNotContain("111111", mismatch.Message, StringComparison.Ordinal);
        await user.ConfirmSignUpAsync(CognitoLocalServer.Code);
    }

    [Fact]
    public async Task Malformed_attributes_and_arguments()
    {
        var username = await cluster.NewUserAsync("main");
        var user = cluster.User("main", username);
        await user.AuthenticateAsync(CognitoLocalFixture.DefaultPassword);

        await Assert.ThrowsAsync<InvalidParameterException>(() => user.UpdateProfileAsync(new Dictionary<string, string> { [""] = "empty name" }));
        await Assert.ThrowsAsync<InvalidParameterException>(() => user.UpdateProfileAsync(new Dictionary<string, string> { [new string('n', 40)] = "too long" }));
        await Assert.ThrowsAsync<InvalidParameterException>(() => user.VerifyTokenAsync("refresh"));
        await Assert.ThrowsAsync<InvalidParameterException>(() => user.ChangePasswordAsync(CognitoLocalFixture.DefaultPassword, ""));
        Assert.Equal(username, (await user.GetUserAsync()).Username);

        Assert.Throws<InvalidParameterException>(() => cluster.Grains.GetCognitoUser("main", " "));
        Assert.Throws<InvalidParameterException>(() => cluster.Grains.GetCognitoUser("a/b", "bob"));
        var unknownPool = await Assert.ThrowsAsync<UnknownPoolException>(() => cluster.User("nowhere", "bob").GetSessionAsync());
        Assert.Equal(UnknownPoolException.Code, unknownPool.ErrorCode);
        await Assert.ThrowsAsync<UnknownPoolException>(() => cluster.UserPool("nowhere").GetGroupsAsync());
    }
}
