using Cognito.Client.Errors;
using Cognito.Client.Model;
using Cognito.IdentityProvider.Errors;
using Cognito.Testing.CognitoLocal;
using Cognito.Testing.CognitoLocal;

namespace Cognito.Grains.Tests;

/// <summary>warrant's user operations, each through a CognitoUserGrain, against cognito-local behind the SRP front.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class WarrantFlowTests(GrainClusterFixture cluster)
{
    private const string Password = CognitoLocalFixture.DefaultPassword;
    private static readonly Dictionary<string, string> AttrMap = new() { ["given_name"] = "first_name", ["family_name"] = "last_name" };

    [Theory]
    [InlineData("main")]
    [InlineData("secret")]
    public async Task Register_confirm_sign_in_profile_password_and_logout(string pool)
    {
        var username = cluster.UniqueName("reg");
        var user = cluster.User(pool, username);

        var registered = await user.RegisterAsync(new Registration(
            Password,
            new Dictionary<string, string> { ["email"] = $"{username}@example.com", ["first_name"] = "Ada" },
            new Dictionary<string, string> { ["tier"] = "gold" },
            AttrMap));
        Assert.False(registered.UserConfirmed);
        await Assert.ThrowsAsync<CodeMismatchException>(() => user.ConfirmSignUpAsync("000000"));
        await user.ConfirmSignUpAsync(CognitoLocalServer.Code);

        var signedIn = await user.AuthenticateAsync(Password);
        Assert.True(signedIn.IsSignedIn);
        Assert.Equal(username, signedIn.Username);

        // Fresh tokens come from the grain without any Cognito call.
        var calls = cluster.Front.Counts.Values.Sum();
        var tokens = await user.GetTokensAsync();
        Assert.Equal(tokens, await user.GetTokensAsync());
        Assert.Equal(calls, cluster.Front.Counts.Values.Sum());
        Assert.False(await user.CheckTokenAsync());

        var profile = await user.GetUserAsync(AttrMap);
        Assert.Equal("Ada", profile["first_name"]);
        Assert.Equal("gold", profile["custom:tier"]);
        Assert.NotNull(profile.Sub);

        await user.UpdateProfileAsync(new Dictionary<string, string> { ["first_name"] = "Grace", ["last_name"] = "Hopper" }, AttrMap);
        profile = await user.GetUserAsync(AttrMap);
        Assert.Equal("Grace", profile["first_name"]);
        Assert.Equal("Hopper", profile["last_name"]);
        await user.DeleteAttributesAsync(["family_name"]);
        Assert.Null((await user.GetUserAsync(AttrMap))["last_name"]);

        await user.SendVerificationAsync("email");
        await Assert.ThrowsAsync<CodeMismatchException>(() => user.ValidateVerificationAsync("999999", "email"));
        await user.ValidateVerificationAsync(CognitoLocalServer.Code, "email");
        Assert.Equal("true", (await user.GetUserAsync())["email_verified"]);

        await user.ChangePasswordAsync(Password, "Chang3d!Password");
        var claims = await user.VerifyTokenAsync("access");
        Assert.Equal(username, claims.Username);
        Assert.Equal(cluster.Pools[pool].ClientId, claims.ClientId);
        Assert.Equal("id", (await user.VerifyTokenAsync("id")).TokenUse);

        var globalSignOuts = cluster.Front.Count("GlobalSignOut");
        await user.LogoutAsync();
        Assert.Equal(globalSignOuts + 1, cluster.Front.Count("GlobalSignOut"));
        var error = await Assert.ThrowsAsync<NotSignedInException>(() => user.GetTokensAsync());
        Assert.Equal(NotSignedInException.Code, error.ErrorCode);
        Assert.False((await user.GetSessionAsync()).IsSignedIn);

        Assert.True((await user.AuthenticateAsync("Chang3d!Password")).IsSignedIn);
        await user.RevokeSessionAsync();
        await Assert.ThrowsAsync<NotSignedInException>(() => user.GetUserAsync());
    }

    [Fact]
    public async Task Forgot_password_renew_and_delete()
    {
        var username = await cluster.NewUserAsync("main");
        var user = cluster.User("main", username);
        await user.InitiateForgotPasswordAsync();
        await user.ConfirmForgotPasswordAsync(CognitoLocalServer.Code, "F0rgotten!Pass");
        Assert.True((await user.AuthenticateAsync("F0rgotten!Pass")).IsSignedIn);

        var before = await user.GetTokensAsync();
        var refreshes = cluster.Front.Count("InitiateAuth:REFRESH_TOKEN_AUTH");
        var renewed = await user.RenewAccessTokenAsync();
        Assert.Equal(refreshes + 1, cluster.Front.Count("InitiateAuth:REFRESH_TOKEN_AUTH"));
        Assert.Equal(before.RefreshToken, renewed.RefreshToken);

        await user.DeleteUserAsync();
        Assert.False((await user.GetSessionAsync()).IsSignedIn);
        await Assert.ThrowsAnyAsync<CognitoServiceException>(() => user.AuthenticateAsync("F0rgotten!Pass"));
    }

    [Fact]
    public async Task Admin_operations()
    {
        var username = cluster.UniqueName("adm");
        var user = cluster.User("main", username);
        var created = await user.AdminCreateUserAsync(new NewUser(
            new Dictionary<string, string> { ["email"] = $"{username}@example.com", ["first_name"] = "Temp" },
            TemporaryPassword: "Temp0rary!Pass",
            SuppressMessage: true,
            AttributeMap: AttrMap));
        Assert.Equal(username, created.Username);

        var fetched = await user.AdminGetUserAsync(AttrMap);
        Assert.Equal("Temp", fetched["first_name"]);
        Assert.Equal("FORCE_CHANGE_PASSWORD", fetched.UserStatus);
        await user.AdminUpdateProfileAsync(new Dictionary<string, string> { ["last_name"] = "Admin" }, AttrMap);
        Assert.Equal("Admin", (await user.AdminGetUserAsync(AttrMap))["last_name"]);

        await user.AdminDisableUserAsync();
        Assert.False((await user.AdminGetUserAsync()).Enabled);
        await user.AdminEnableUserAsync();
        Assert.True((await user.AdminGetUserAsync()).Enabled);

        await user.AdminSetPasswordAsync(Password, permanent: true);
        Assert.True((await user.AdminAuthenticateAsync(Password)).IsSignedIn);
        Assert.True((await user.AuthenticateWithFlowAsync("ADMIN_NO_SRP_AUTH", Password)).IsSignedIn);
        Assert.True((await user.AuthenticateWithFlowAsync("USER_PASSWORD_AUTH", Password)).IsSignedIn);

        await user.AdminLogoutAsync();
        Assert.False((await user.GetSessionAsync()).IsSignedIn);
        await user.AdminDeleteUserAsync();
        await Assert.ThrowsAsync<UserNotFoundException>(() => user.AdminGetUserAsync());
    }

    [Fact]
    public async Task Admin_confirm_sign_up()
    {
        var username = cluster.UniqueName("conf");
        var user = cluster.User("main", username);
        await user.RegisterAsync(new Registration(Password, new Dictionary<string, string> { ["email"] = $"{username}@example.com" }));
        await Assert.ThrowsAsync<UserNotConfirmedException>(() => user.AuthenticateAsync(Password));
        await user.AdminConfirmSignUpAsync();
        Assert.True((await user.AuthenticateAsync(Password)).IsSignedIn);
    }
}
