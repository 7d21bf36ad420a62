using Cognito.IdentityProvider.Authentication;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Model;
using Cognito.IdentityProvider.Security;
using Cognito.Testing.CognitoLocal;
using Cognito.Testing.SrpFront;

namespace Cognito.IdentityProvider.Tests.Authentication;

/// <summary>The password flows and both kinds of refresh, through the front to cognito-local's real tokens.</summary>
[Collection(SrpFrontCollection.Name)]
public sealed class FrontFlowTests(SrpFrontFixture fixture)
{
    private const string Password = CognitoLocalFixture.DefaultPassword;

    private SrpFront Front => fixture.Front;

    [Fact]
    public async Task USER_PASSWORD_AUTH_by_email_with_a_secret_signs_in_and_reports_the_internal_username()
    {
        // cognito-local resolves email only for email-as-username pools (not AliasAttributes): the internal name is a UUID.
        var pool = await fixture.CreatePoolAsync(withSecret: true, usernameAttributes: ["email"]);
        var email = $"{fixture.UniqueName("pw")}@example.com";
        await fixture.CreateUserAsync(pool, email);
        using var signIn = new FrontSignIn(fixture, pool);

        var succeeded = Assert.IsType<AuthSucceeded>(await signIn.Authenticator.SignInWithPasswordAsync(email, Password));

        var call = Assert.Single(signIn.Tap.Calls);
        Assert.False(call.Signed);
        Assert.Equal("USER_PASSWORD_AUTH", call.Body["AuthFlow"]!.GetValue<string>());
        var parameters = call.Body["AuthParameters"]!.AsObject();
        Assert.Equal((email, Password), (parameters["USERNAME"]!.GetValue<string>(), parameters["PASSWORD"]!.GetValue<string>()));
        Assert.Equal(SecretHash.Compute(email, pool.ClientId, pool.ClientSecret!), parameters["SECRET_HASH"]!.GetValue<string>());
        Assert.True(Guid.TryParse(succeeded.Username, out _), succeeded.Username);
        Assert.Equal(succeeded.Username, (await signIn.Client.GetUserAsync(new GetUserRequest { AccessToken = succeeded.Tokens.AccessToken })).Username);

        // The username it reports is the one refresh needs.
        var refreshed = await signIn.Authenticator.RefreshAsync(succeeded.Tokens.RefreshToken!, succeeded.Username);
        Assert.Equal(succeeded.Tokens.RefreshToken, refreshed.Tokens.RefreshToken);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ADMIN_USER_PASSWORD_AUTH")]
    [InlineData("ADMIN_NO_SRP_AUTH")]
    public async Task Admin_password_sign_in_under_either_name_is_a_signed_ADMIN_USER_PASSWORD_AUTH(string? flowName)
    {
        var pool = await fixture.CreatePoolAsync();
        var username = await fixture.CreateUserAsync(pool);
        using var signIn = new FrontSignIn(fixture, pool);
        var adminCalls = Front.Count("AdminInitiateAuth:ADMIN_USER_PASSWORD_AUTH");

        var step = flowName is null
            ? await signIn.Authenticator.AdminSignInAsync(username, Password)
            : await signIn.Authenticator.StartAsync(flowName, username, Password);

        var succeeded = Assert.IsType<AuthSucceeded>(step);
        var call = Assert.Single(signIn.Tap.Calls);
        Assert.Equal("AdminInitiateAuth", call.Operation);
        Assert.True(call.Signed, "Admin operations need IAM credentials.");
        Assert.Equal("ADMIN_USER_PASSWORD_AUTH", call.Body["AuthFlow"]!.GetValue<string>());
        Assert.Equal(pool.UserPoolId, call.Body["UserPoolId"]!.GetValue<string>());
        Assert.Equal(adminCalls + 1, Front.Count("AdminInitiateAuth:ADMIN_USER_PASSWORD_AUTH"));
        Assert.Equal(0, Front.Count("AdminInitiateAuth:ADMIN_NO_SRP_AUTH"));
        Assert.Equal(username, succeeded.Username);
        Assert.Equal(username, (await signIn.Client.GetUserAsync(new GetUserRequest { AccessToken = succeeded.Tokens.AccessToken })).Username);

        // A wrong password through the admin flow: Cognito's code for it (the front translates cognito-local's InvalidPasswordException).
        await Assert.ThrowsAsync<NotAuthorizedException>(() => signIn.Authenticator.AdminSignInAsync(username, Password + "x"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task REFRESH_TOKEN_AUTH_renews_the_access_token_and_keeps_the_refresh_token(bool admin)
    {
        var pool = await fixture.CreatePoolAsync(withSecret: true, accessTokenMinutes: 5);
        var username = await fixture.CreateUserAsync(pool);
        using var signIn = new FrontSignIn(fixture, pool);
        var signedIn = Assert.IsType<AuthSucceeded>(await signIn.Authenticator.SignInWithSrpAsync(username, Password));
        var refreshToken = signedIn.Tokens.RefreshToken!;
        var operation = admin ? "AdminInitiateAuth" : "InitiateAuth";
        var refreshes = Front.Count($"{operation}:REFRESH_TOKEN_AUTH");

        var first = await signIn.Authenticator.RefreshAsync(refreshToken, username, admin: admin);
        var second = await signIn.Authenticator.RefreshAsync(first.Tokens.RefreshToken!, username, admin: admin);

        foreach (var refreshed in new[] { first, second })
        {
            Assert.Equal(refreshToken, refreshed.Tokens.RefreshToken);
            Assert.Equal(username, refreshed.Username);
            Assert.NotNull(refreshed.Tokens.IdToken);
            Assert.InRange(refreshed.Tokens.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(4), DateTimeOffset.UtcNow.AddMinutes(6));
            Assert.Equal(username, (await signIn.Client.GetUserAsync(new GetUserRequest { AccessToken = refreshed.Tokens.AccessToken })).Username);
        }

        Assert.Equal(refreshes + 2, Front.Count($"{operation}:REFRESH_TOKEN_AUTH"));
        Assert.Equal(0, signIn.Tap.Calls.Count(c => c.Operation == "GetTokensFromRefreshToken"));
        var call = signIn.Tap.LastCall(operation);
        Assert.Equal(admin, call.Signed);
        Assert.Equal(SecretHash.Compute(username, pool.ClientId, pool.ClientSecret!), call.Body["AuthParameters"]!["SECRET_HASH"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetTokensFromRefreshToken_with_rotation_returns_and_keeps_the_new_refresh_token(bool withSecret)
    {
        var pool = await fixture.CreatePoolAsync(withSecret);
        Front.RotateRefreshTokens(pool.ClientId);
        var username = await fixture.CreateUserAsync(pool);
        using var signIn = new FrontSignIn(fixture, pool);
        var signedIn = Assert.IsType<AuthSucceeded>(await signIn.Authenticator.SignInWithSrpAsync(username, Password));
        var original = signedIn.Tokens.RefreshToken!;
        var rotations = Front.Count("GetTokensFromRefreshToken");
        var legacy = Front.Count("InitiateAuth:REFRESH_TOKEN_AUTH");

        var first = await signIn.Authenticator.RefreshAsync(original, username, useRotation: true);
        Assert.NotNull(first.Tokens.RefreshToken);
        Assert.NotEqual(original, first.Tokens.RefreshToken);
        Assert.Equal(username, (await signIn.Client.GetUserAsync(new GetUserRequest { AccessToken = first.Tokens.AccessToken })).Username);

        var call = signIn.Tap.LastCall("GetTokensFromRefreshToken");
        Assert.False(call.Signed);
        Assert.Equal(pool.ClientId, call.Body["ClientId"]!.GetValue<string>());
        Assert.Equal(pool.ClientSecret, call.Body["ClientSecret"]?.GetValue<string>());

        // The old token was rotated out (no grace period); the new one is the one that works.
        await Assert.ThrowsAsync<NotAuthorizedException>(() => signIn.Authenticator.RefreshAsync(original, username, useRotation: true));
        var second = await signIn.Authenticator.RefreshAsync(first.Tokens.RefreshToken!, username, useRotation: true);
        Assert.NotEqual(first.Tokens.RefreshToken, second.Tokens.RefreshToken);
        Assert.NotNull(second.Tokens.RefreshToken);

        Assert.Equal(rotations + 3, Front.Count("GetTokensFromRefreshToken"));
        Assert.Equal(legacy, Front.Count("InitiateAuth:REFRESH_TOKEN_AUTH"));
    }

    [Fact]
    public async Task NewDeviceMetadata_of_a_password_sign_in_is_kept_in_the_tokens()
    {
        var pool = await fixture.CreatePoolAsync();
        Front.TrackDevices(pool.UserPoolId);
        var username = await fixture.CreateUserAsync(pool);
        using var signIn = new FrontSignIn(fixture, pool);

        var succeeded = Assert.IsType<AuthSucceeded>(await signIn.Authenticator.SignInWithPasswordAsync(username, Password));

        var sent = signIn.Tap.LastCall("InitiateAuth").AnswerJson["AuthenticationResult"]!["NewDeviceMetadata"]!;
        Assert.Equal(new NewDeviceMetadata(sent["DeviceKey"]!.GetValue<string>(), sent["DeviceGroupKey"]!.GetValue<string>()), succeeded.Tokens.NewDevice);
    }
}
