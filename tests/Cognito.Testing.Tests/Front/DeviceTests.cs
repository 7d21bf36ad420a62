using System.Text.Json.Nodes;
using Cognito.IdentityProvider.Model;
using Cognito.Testing.CognitoLocal;
using Cognito.Testing.SrpFront;
using Cognito.Testing.Tests.Support;
using Cognito.Testing.Tools;

namespace Cognito.Testing.Tests.Front;

/// <summary>Device tracking as the front serves it: issue, confirm, list, remember, device SRP, forget.</summary>
[Collection(SrpFrontCollection.Name)]
public sealed class DeviceTests(SrpFrontFixture fixture)
{
    private const string Password = CognitoLocalFixture.DefaultPassword;

    private RawCognito Raw => new(fixture.Http, fixture.Front.Url);

    [Fact]
    public async Task Pools_without_device_tracking_issue_no_device_metadata()
    {
        var pool = await fixture.CreatePoolAsync();
        var username = await fixture.CreateUserAsync(pool);
        var answer = await new SrpLogin(Raw, pool).LoginAsync(username);
        Assert.False(answer["AuthenticationResult"]!.AsObject().ContainsKey("NewDeviceMetadata"));
    }

    [Fact]
    public async Task A_remembered_device_must_prove_itself_with_device_srp_and_its_own_key()
    {
        var pool = await fixture.CreatePoolAsync();
        fixture.Front.TrackDevices(pool.UserPoolId);
        var username = await fixture.CreateUserAsync(pool);

        var first = (await new SrpLogin(Raw, pool).LoginAsync(username))["AuthenticationResult"]!.AsObject();
        var metadata = first["NewDeviceMetadata"]!.AsObject();
        Assert.Matches("^local_[0-9a-f-]{36}$", metadata["DeviceKey"]!.GetValue<string>());
        Assert.StartsWith("-", metadata["DeviceGroupKey"]!.GetValue<string>(), StringComparison.Ordinal);
        var (device, confirmed) = await DeviceSecret.ConfirmAsync(Raw, first);
        Assert.False(confirmed["UserConfirmationNecessary"]!.GetValue<bool>());

        // DEVICE_KEY at InitiateAuth: the password proof is followed by the device rounds.
        var login = new SrpLogin(Raw, pool);
        var deviceChallenge = await login.AnswerAsync(await login.InitiateAsync(username, device.DeviceKey), Password);
        Assert.Equal("DEVICE_SRP_AUTH", deviceChallenge["ChallengeName"]!.GetValue<string>());
        var tokens = (await device.AnswerDeviceChallengesAsync(Raw, pool, deviceChallenge, username))["AuthenticationResult"]!.AsObject();
        Assert.False(tokens.ContainsKey("NewDeviceMetadata"));
        Assert.Equal(username, (await fixture.CreateClient().GetUserAsync(new GetUserRequest { AccessToken = tokens["AccessToken"]!.GetValue<string>() })).Username);

        // DEVICE_KEY only in the PASSWORD_VERIFIER answer (as AWS's JS client sends it) works the same.
        var late = new SrpLogin(Raw, pool);
        Assert.Equal("DEVICE_SRP_AUTH", (await late.AnswerAsync(await late.InitiateAsync(username), Password, deviceKey: device.DeviceKey))["ChallengeName"]!.GetValue<string>());

        // Signing with the username in place of the device key, or a wrong device password, fails.
        foreach (var (signAs, devicePassword) in new[] { (username, (string?)null), ((string?)null, "wrong") })
        {
            var again = new SrpLogin(Raw, pool);
            var challenge = await again.LoginAsync(username, deviceKey: device.DeviceKey);
            var refused = await Assert.ThrowsAsync<CognitoCallException>(() => device.AnswerDeviceChallengesAsync(Raw, pool, challenge, username, signAs, devicePassword));
            Assert.Equal(("NotAuthorizedException", "Incorrect username or password."), (refused.Type, refused.ErrorMessage));
        }

        // Not remembered: no device rounds, no new device either.
        await Raw.CallAsync("UpdateDeviceStatus", new JsonObject { ["AccessToken"] = tokens["AccessToken"]!.GetValue<string>(), ["DeviceKey"] = device.DeviceKey, ["DeviceRememberedStatus"] = "not_remembered" });
        var notRemembered = await new SrpLogin(Raw, pool).LoginAsync(username, deviceKey: device.DeviceKey);
        Assert.NotNull(notRemembered["AuthenticationResult"]?["AccessToken"]);
        Assert.Null(notRemembered["AuthenticationResult"]!["NewDeviceMetadata"]);

        // Forgotten: the device key no longer exists (the JS client then retries without it).
        await Raw.CallAsync("ForgetDevice", new JsonObject { ["AccessToken"] = tokens["AccessToken"]!.GetValue<string>(), ["DeviceKey"] = device.DeviceKey });
        var forgotten = new SrpLogin(Raw, pool);
        var challengeAfter = await forgotten.InitiateAsync(username, device.DeviceKey);
        var gone = await Assert.ThrowsAsync<CognitoCallException>(() => forgotten.AnswerAsync(challengeAfter, Password));
        Assert.Equal(("ResourceNotFoundException", "Device does not exist."), (gone.Type, gone.ErrorMessage));
    }

    [Fact]
    public async Task Devices_are_listed_page_by_page_and_read_one_by_one()
    {
        var pool = await fixture.CreatePoolAsync();
        fixture.Front.TrackDevices(pool.UserPoolId);
        var username = await fixture.CreateUserAsync(pool);
        var keys = new List<string>();
        string accessToken = null!;
        for (var i = 0; i < 3; i++)
        {
            var result = (await new SrpLogin(Raw, pool).LoginAsync(username))["AuthenticationResult"]!.AsObject();
            keys.Add((await DeviceSecret.ConfirmAsync(Raw, result)).Device.DeviceKey);
            accessToken = result["AccessToken"]!.GetValue<string>();
        }

        var page1 = await Raw.CallAsync("ListDevices", new JsonObject { ["AccessToken"] = accessToken, ["Limit"] = 2 });
        var page2 = await Raw.CallAsync("ListDevices", new JsonObject { ["AccessToken"] = accessToken, ["Limit"] = 2, ["PaginationToken"] = page1["PaginationToken"]!.GetValue<string>() });
        Assert.Null(page2["PaginationToken"]);
        var listed = page1["Devices"]!.AsArray().Concat(page2["Devices"]!.AsArray()).Select(d => d!["DeviceKey"]!.GetValue<string>()).ToList();
        Assert.Equal(keys, listed);

        var device = (await Raw.CallAsync("GetDevice", new JsonObject { ["AccessToken"] = accessToken, ["DeviceKey"] = keys[1] }))["Device"]!.AsObject();
        var attributes = device["DeviceAttributes"]!.AsArray().ToDictionary(a => a!["Name"]!.GetValue<string>(), a => a!["Value"]!.GetValue<string>());
        Assert.Equal("remembered", attributes["dev:device_remembered_status"]);
        Assert.Equal("test-device", attributes["device_name"]);
        Assert.True(device["DeviceCreateDate"]!.GetValue<double>() > 1_600_000_000);

        var admin = await Raw.CallAsync("AdminListDevices", new JsonObject { ["UserPoolId"] = pool.UserPoolId, ["Username"] = username });
        Assert.Equal(3, admin["Devices"]!.AsArray().Count);
        await Raw.CallAsync("AdminForgetDevice", new JsonObject { ["UserPoolId"] = pool.UserPoolId, ["Username"] = username, ["DeviceKey"] = keys[0] });
        var missing = await Raw.FailsAsync("GetDevice", new JsonObject { ["AccessToken"] = accessToken, ["DeviceKey"] = keys[0] });
        Assert.Equal("ResourceNotFoundException", missing.Type);

        // Another user's device is not found either.
        var other = await fixture.CreateUserAsync(pool);
        var otherToken = (await new SrpLogin(Raw, pool).LoginAsync(other))["AuthenticationResult"]!["AccessToken"]!.GetValue<string>();
        Assert.Equal("ResourceNotFoundException", (await Raw.FailsAsync("GetDevice", new JsonObject { ["AccessToken"] = otherToken, ["DeviceKey"] = keys[1] })).Type);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_remembered_device_skips_mfa_while_a_new_one_answers_it_and_is_then_issued(bool withSecret)
    {
        var pool = await fixture.CreatePoolAsync(withSecret, mfaConfiguration: "OPTIONAL");
        fixture.Front.TrackDevices(pool.UserPoolId);
        var username = await fixture.CreateUserAsync(pool);
        var first = (await new SrpLogin(Raw, pool).LoginAsync(username))["AuthenticationResult"]!.AsObject();
        var (device, _) = await DeviceSecret.ConfirmAsync(Raw, first);

        var client = fixture.CreateClient();
        var accessToken = first["AccessToken"]!.GetValue<string>();
        var association = await client.AssociateSoftwareTokenAsync(new AssociateSoftwareTokenRequest { AccessToken = accessToken });
        await client.VerifySoftwareTokenAsync(new VerifySoftwareTokenRequest { AccessToken = accessToken, UserCode = Totp.Code(association.SecretCode!) });
        await client.SetUserMFAPreferenceAsync(new SetUserMFAPreferenceRequest { AccessToken = accessToken, SoftwareTokenMfaSettings = new SoftwareTokenMfaSettingsType { Enabled = true, PreferredMfa = true } });

        // Without the device: cognito-local's MFA challenge, answered through the front, then a new device.
        var login = new SrpLogin(Raw, pool);
        var mfa = await login.LoginAsync(username);
        Assert.Equal("SOFTWARE_TOKEN_MFA", mfa["ChallengeName"]!.GetValue<string>());
        var responses = new JsonObject { ["USERNAME"] = username, ["SOFTWARE_TOKEN_MFA_CODE"] = Totp.Code(association.SecretCode!) };
        if (login.SecretHash(username) is { } hash)
        {
            // cognito-local never checks it; the front does, over the internal username.
            var wrong = await Raw.FailsAsync("RespondToAuthChallenge", new JsonObject
            {
                ["ChallengeName"] = "SOFTWARE_TOKEN_MFA",
                ["ClientId"] = pool.ClientId,
                ["Session"] = mfa["Session"]!.GetValue<string>(),
                ["ChallengeResponses"] = new JsonObject { ["USERNAME"] = username, ["SOFTWARE_TOKEN_MFA_CODE"] = "000000", ["SECRET_HASH"] = login.SecretHash("someone-else") },
            });
            Assert.Equal($"Unable to verify secret hash for client {pool.ClientId}", wrong.ErrorMessage);
            responses["SECRET_HASH"] = hash;
        }

        var answered = await Raw.CallAsync("RespondToAuthChallenge", new JsonObject
        {
            ["ChallengeName"] = "SOFTWARE_TOKEN_MFA",
            ["ClientId"] = pool.ClientId,
            ["Session"] = mfa["Session"]!.GetValue<string>(),
            ["ChallengeResponses"] = responses,
        });
        Assert.NotNull(answered["AuthenticationResult"]!["NewDeviceMetadata"]?["DeviceKey"]);

        // With the remembered device: device rounds, then tokens without MFA.
        var deviceChallenge = await new SrpLogin(Raw, pool).LoginAsync(username, deviceKey: device.DeviceKey);
        Assert.Equal("DEVICE_SRP_AUTH", deviceChallenge["ChallengeName"]!.GetValue<string>());
        var tokens = await device.AnswerDeviceChallengesAsync(Raw, pool, deviceChallenge, username);
        Assert.NotNull(tokens["AuthenticationResult"]?["AccessToken"]);
    }
}
