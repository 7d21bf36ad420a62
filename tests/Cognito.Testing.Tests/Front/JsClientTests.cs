using System.Text.Json.Nodes;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Model;
using Cognito.Testing.CognitoLocal;
using Cognito.Testing.SrpFront;
using Cognito.Testing.Tests.Support;
using static Cognito.Testing.Tests.Support.JsCognitoClient;

namespace Cognito.Testing.Tests.Front;

/// <summary>
/// The proof that the front speaks Cognito's SRP: AWS's own JavaScript client logs in through it
/// with its default USER_SRP_AUTH flow, remembers its device and logs in again with device SRP.
/// (The JS client cannot use app clients with a secret, so those are proven from C# only.)
/// </summary>
[Collection(SrpFrontCollection.Name)]
public sealed class JsClientTests(SrpFrontFixture fixture)
{
    private const string Password = CognitoLocalFixture.DefaultPassword;

    private SrpFront.SrpFront Front => fixture.Front;

    [Fact]
    public async Task Aws_js_client_logs_in_with_srp_by_username_and_by_email_alias_and_gets_cognito_locals_real_tokens()
    {
        var pool = await fixture.CreatePoolAsync(aliasAttributes: ["email"]);
        var username = fixture.UniqueName("js");
        var email = $"{username}@example.com";
        await fixture.CreateUserAsync(pool, username, email: email);
        var verifiersBefore = Front.Count("RespondToAuthChallenge:PASSWORD_VERIFIER");

        var results = await RunAsync(
            Front.Url,
            Scenario("right", pool, username, Password, "login", "getUser"),
            Scenario("wrong", pool, username, Password, "wrongPassword"),
            Scenario("alias", pool, email, Password, "login"),
            Scenario("nobody", pool, "nobody-" + username, Password, "login"));

        var right = Step(results, "right", 0);
        Assert.True(right["ok"]!.GetValue<bool>(), right.ToJsonString() + Rejections());
        var idToken = right["idToken"]!.GetValue<string>();
        var accessToken = right["accessToken"]!.GetValue<string>();
        Assert.Equal(username, JwtSignature.Payload(idToken)["cognito:username"]!.GetValue<string>());
        Assert.Equal(pool.Issuer, JwtSignature.Payload(idToken)["iss"]!.GetValue<string>());
        Assert.Equal(username, Step(results, "right", 1)["username"]!.GetValue<string>());

        // cognito-local's own tokens: signed by its key (JWKS fetched through the front), accepted by GetUser.
        using var jwksResponse = await fixture.Http.GetAsync(new Uri(Front.Url, $"{pool.UserPoolId}/.well-known/jwks.json"));
        var jwks = JsonNode.Parse(await jwksResponse.Content.ReadAsStringAsync())!.AsObject();
        Assert.True(JwtSignature.IsSignedBy(idToken, jwks));
        Assert.True(JwtSignature.IsSignedBy(accessToken, jwks));
        var user = await fixture.CreateClient().GetUserAsync(new GetUserRequest { AccessToken = accessToken });
        Assert.Equal(username, user.Username);

        var wrong = Step(results, "wrong", 0);
        Assert.False(wrong["ok"]!.GetValue<bool>());
        Assert.Equal("NotAuthorizedException", wrong["code"]!.GetValue<string>());
        Assert.Equal("Incorrect username or password.", wrong["message"]!.GetValue<string>());

        var alias = Step(results, "alias", 0);
        Assert.True(alias["ok"]!.GetValue<bool>(), alias.ToJsonString() + Rejections());
        Assert.Equal(username, JwtSignature.Payload(alias["idToken"]!.GetValue<string>())["cognito:username"]!.GetValue<string>());

        Assert.Equal("UserNotFoundException", Step(results, "nobody", 0)["code"]!.GetValue<string>());
        Assert.Equal(verifiersBefore + 3, Front.Count("RespondToAuthChallenge:PASSWORD_VERIFIER"));
    }

    [Fact]
    public async Task Aws_js_client_confirms_its_device_then_logs_in_with_device_srp_and_refreshes()
    {
        var pool = await fixture.CreatePoolAsync();
        Front.TrackDevices(pool.UserPoolId);
        var username = await fixture.CreateUserAsync(pool);
        var optInPool = await fixture.CreatePoolAsync();
        Front.TrackDevices(optInPool.UserPoolId, rememberOnUserPromptOnly: true);
        var optInUser = await fixture.CreateUserAsync(optInPool);
        var deviceRoundsBefore = Front.Count("RespondToAuthChallenge:DEVICE_PASSWORD_VERIFIER");

        var results = await RunAsync(
            Front.Url,
            Scenario("first", pool, username, Password, "login", "getDevice", "listDevices"),
            Scenario("second", pool, username, Password, "login", "refresh", "getUser"),
            Scenario("forget", pool, username, Password, "login", "forgetDevice"),
            Scenario("after-forget", pool, username, Password, "login"),
            Scenario("forget-on-server", pool, username, Password, "login", "forgetOnServer"),
            Scenario("stale", pool, username, Password, "login"),
            Scenario("opt-in", optInPool, optInUser, Password, "login", "remember"),
            Scenario("opt-in-again", optInPool, optInUser, Password, "login"));

        var first = Step(results, "first", 0);
        Assert.True(first["ok"]!.GetValue<bool>(), first.ToJsonString() + Rejections());
        var deviceKey = first["deviceKey"]!.GetValue<string>();
        Assert.StartsWith("local_", deviceKey, StringComparison.Ordinal);
        Assert.Equal(deviceKey, Step(results, "first", 1)["device"]!["DeviceKey"]!.GetValue<string>());
        Assert.Contains(Step(results, "first", 2)["devices"]!.AsArray(), d => d!["DeviceKey"]!.GetValue<string>() == deviceKey);

        // The second login proved the device (DEVICE_SRP_AUTH → DEVICE_PASSWORD_VERIFIER) before getting tokens.
        var second = Step(results, "second", 0);
        Assert.True(second["ok"]!.GetValue<bool>(), second.ToJsonString() + Rejections());
        Assert.Equal(deviceKey, second["deviceKey"]!.GetValue<string>());
        Assert.True(Step(results, "second", 1)["ok"]!.GetValue<bool>(), Step(results, "second", 1).ToJsonString());
        Assert.Equal(username, Step(results, "second", 2)["username"]!.GetValue<string>());

        Assert.True(Step(results, "forget", 1)["ok"]!.GetValue<bool>());
        var afterForget = Step(results, "after-forget", 0);
        Assert.True(afterForget["ok"]!.GetValue<bool>(), afterForget.ToJsonString() + Rejections());
        Assert.NotEqual(deviceKey, afterForget["deviceKey"]!.GetValue<string>());

        // A device forgotten behind the client's back: the front answers ResourceNotFoundException
        // without using up the session, the client retries without DEVICE_KEY and gets a new device.
        Assert.True(Step(results, "forget-on-server", 1)["ok"]!.GetValue<bool>(), Step(results, "forget-on-server", 1).ToJsonString());
        var stale = Step(results, "stale", 0);
        Assert.True(stale["ok"]!.GetValue<bool>(), stale.ToJsonString() + Rejections());
        Assert.NotEqual(afterForget["deviceKey"]!.GetValue<string>(), stale["deviceKey"]!.GetValue<string>());
        Assert.Contains(Front.Rejections, r => r.Contains($"DEVICE_KEY {afterForget["deviceKey"]!.GetValue<string>()} is not a device", StringComparison.Ordinal));
        Assert.Equal([stale["deviceKey"]!.GetValue<string>()], Front.DevicesOf(pool.UserPoolId, username).Select(d => d.DeviceKey));

        // Opt-in pools: the device is confirmed but remembered only once the user says so.
        var optIn = Step(results, "opt-in", 0);
        Assert.True(optIn["userConfirmationNecessary"]!.GetValue<bool>(), optIn.ToJsonString());
        Assert.True(Step(results, "opt-in", 1)["ok"]!.GetValue<bool>());
        Assert.True(Step(results, "opt-in-again", 0)["ok"]!.GetValue<bool>(), Step(results, "opt-in-again", 0).ToJsonString() + Rejections());

        // Device SRP ran for "second", "forget", "forget-on-server" and "opt-in-again" ("after-forget" and "stale" had no device).
        Assert.Equal(deviceRoundsBefore + 4, Front.Count("RespondToAuthChallenge:DEVICE_PASSWORD_VERIFIER"));
    }

    [Fact]
    public async Task Aws_js_client_global_sign_out_revokes_its_refresh_token_and_access_token()
    {
        var pool = await fixture.CreatePoolAsync();
        var username = await fixture.CreateUserAsync(pool);
        var signOutsBefore = Front.Count("GlobalSignOut");

        // Refresh after the sign-out is checked from C#: the JS client retries a failed refresh for ~6 s.
        var results = await RunAsync(Front.Url, Scenario("sign-out", pool, username, Password, "login", "refresh", "globalSignOut"));

        var login = Step(results, "sign-out", 0);
        Assert.True(login["ok"]!.GetValue<bool>(), login.ToJsonString() + Rejections());
        Assert.True(Step(results, "sign-out", 1)["ok"]!.GetValue<bool>(), Step(results, "sign-out", 1).ToJsonString());
        Assert.True(Step(results, "sign-out", 2)["ok"]!.GetValue<bool>(), Step(results, "sign-out", 2).ToJsonString());
        Assert.Equal(1, Front.Count("GlobalSignOut") - signOutsBefore);

        var client = fixture.CreateClient();
        var refresh = await Assert.ThrowsAsync<NotAuthorizedException>(() => client.InitiateAuthAsync(new InitiateAuthRequest
        {
            AuthFlow = "REFRESH_TOKEN_AUTH",
            ClientId = pool.ClientId,
            AuthParameters = new Dictionary<string, string> { ["REFRESH_TOKEN"] = login["refreshToken"]!.GetValue<string>() },
        }));
        Assert.Contains("Refresh Token has been revoked", refresh.Message, StringComparison.Ordinal);
        var revoked = await Assert.ThrowsAsync<NotAuthorizedException>(() => client.GetUserAsync(new GetUserRequest { AccessToken = login["accessToken"]!.GetValue<string>() }));
        Assert.Contains("Access Token has been revoked", revoked.Message, StringComparison.Ordinal);
    }

    private string Rejections() => "\nFront rejections:\n" + string.Join('\n', Front.Rejections);
}
