using System.Text.Json.Nodes;
using Cognito.IdentityProvider.Authentication;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Model;
using Cognito.IdentityProvider.Security;
using Cognito.IdentityProvider.Srp;
using Cognito.IdentityProvider.Tests.Wire;
using Cognito.Testing.Scripted;
using Cognito.Testing.Tools;
using Microsoft.Extensions.Time.Testing;

namespace Cognito.IdentityProvider.Tests.Authentication;

/// <summary>
/// What neither cognito-local nor the front can do — MFA_SETUP, EMAIL_OTP, SMS_MFA, custom
/// challenges, admin challenge answers, PasswordResetRequired — against a scripted server that
/// answers with AWS-shaped bodies and checks each request we send. Where a flow starts with SRP,
/// the password proof is checked for real with the test front's independent SRP server.
/// </summary>
public sealed class ScriptedChallengeTests : IAsyncLifetime
{
    private const string PoolId = "eu-west-1_AbC123";
    private const string ClientId = "4a1b2c3d4e5f6g7h8i9j0k1l2m";
    private const string ClientSecret = "1q2w3e4r5t6y7u8i9o0p1a2s3d4f5g6h7j8k9l0z1x2c3v4b5n6m";
    private const string Alias = "alice@example.com";
    private const string Internal = "8f4e2c1a-5b6d-4e7f-8a9b-0c1d2e3f4a5b";
    private const string Password = "Passw0rd!Strong";
    private const string TotpSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    // Region, underscore, UUID: the model's DeviceKeyType pattern, checked whole before sending.
    private const string DeviceKey = "eu-west-1_0d5c9a1e-7b3f-4e2a-9c8d-1f2e3a4b5c6d";

    private ScriptedCognitoServer _server = null!;
    private AuthScript _script = null!;

    public async Task InitializeAsync()
    {
        _server = await ScriptedCognitoServer.StartAsync();
        _script = new AuthScript(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private CognitoAuthenticator Authenticator(bool withSecret = true, TimeProvider? clock = null) =>
        new(ScriptedClient.Create(_server), new CognitoAppClient(PoolId, ClientId, withSecret ? ClientSecret : null), clock);

    /// <summary>A session as long as Cognito's (the client refuses one under 20 characters), recognisable by its tag.</summary>
    private static string S(string tag) => "AYABeF" + tag + "-" + new string('q', 48);

    private static string Hash(string username) => SecretHash.Compute(username, ClientId, ClientSecret);

    private static JsonObject Responses(JsonObject body) => body["ChallengeResponses"]!.AsObject();

    /// <summary>Checks a RespondToAuthChallenge: its challenge, its session, the internal username and its SECRET_HASH.</summary>
    private static JsonObject ExpectAnswer(JsonObject body, string challengeName, string session)
    {
        Assert.Equal(ClientId, body.Str("ClientId"));
        Assert.Equal(challengeName, body.Str("ChallengeName"));
        Assert.Equal(session, body.Str("Session"));
        var responses = Responses(body);
        Assert.Equal(Internal, responses.Str("USERNAME"));
        Assert.Equal(Hash(Internal), responses.Str("SECRET_HASH"));
        return responses;
    }

    private static bool IsCurrentTotp(string code) =>
        new[] { -30, 0, 30 }.Any(s => Totp.Code(TotpSecret, DateTimeOffset.UtcNow.AddSeconds(s)) == code);

    [Fact]
    public async Task MFA_SETUP_after_srp_associates_with_the_session_verifies_with_the_next_one_and_answers_with_the_last()
    {
        var srp = new ScriptedSrp(PoolId, Internal, Password);
        _script
            .Then("InitiateAuth", body =>
            {
                Assert.Equal("USER_SRP_AUTH", body.Str("AuthFlow"));
                Assert.Equal(Alias, body.Str("AuthParameters", "USERNAME"));
                Assert.Equal(Hash(Alias), body.Str("AuthParameters", "SECRET_HASH"));
                return srp.Challenge(body, S("s-srp"));
            })
            .Then("RespondToAuthChallenge", body =>
            {
                ExpectAnswer(body, "PASSWORD_VERIFIER", S("s-srp"));
                return srp.Verify(body, () => ScriptedTokens.Challenge("MFA_SETUP", S("s-setup-1"), new JsonObject { ["MFAS_CAN_SETUP"] = "[\"SOFTWARE_TOKEN_MFA\"]", ["USER_ID_FOR_SRP"] = Internal }));
            })
            .Then("AssociateSoftwareToken", body =>
            {
                Assert.Equal(S("s-setup-1"), body.Str("Session"));
                Assert.False(body.Has("AccessToken"));
                return new JsonObject { ["SecretCode"] = TotpSecret, ["Session"] = S("s-setup-2") };
            })
            .Then("VerifySoftwareToken", body =>
            {
                Assert.Equal(S("s-setup-2"), body.Str("Session"));
                Assert.True(IsCurrentTotp(body.Str("UserCode")), "The code is not the authenticator's.");
                Assert.Equal("phone", body.Str("FriendlyDeviceName"));
                return new JsonObject { ["Status"] = "SUCCESS", ["Session"] = S("s-setup-3") };
            })
            .Then("RespondToAuthChallenge", body =>
            {
                ExpectAnswer(body, "MFA_SETUP", S("s-setup-3"));
                return ScriptedTokens.Result(Internal);
            });
        var authenticator = Authenticator();

        var challenge = Assert.IsType<AuthChallenge>(await authenticator.SignInWithSrpAsync(Alias, Password));
        Assert.Equal(ChallengeNameType.MfaSetup, challenge.ChallengeName);
        Assert.Equal(Internal, challenge.Username);
        Assert.Equal(new[] { "SOFTWARE_TOKEN_MFA" }, challenge.MfaChoices);

        var (secretCode, next) = await authenticator.BeginSoftwareTokenSetupAsync(challenge);
        Assert.Equal(TotpSecret, secretCode);
        Assert.Equal(("MFA_SETUP", S("s-setup-2"), Internal), (next.ChallengeName, next.Session, next.Username));

        var succeeded = Assert.IsType<AuthSucceeded>(await authenticator.RespondAsync(next, new MfaSetupAnswer(Totp.Code(secretCode), "phone")));
        Assert.Equal(Internal, succeeded.Username);
        _script.AssertDone();
        Assert.All(_server.Requests, r => Assert.Null(r.Authorization));
    }

    [Fact]
    public async Task MFA_SETUP_with_a_wrong_code_stops_before_answering_the_challenge()
    {
        var challenge = new AuthChallenge("MFA_SETUP", S("s-setup-2"), Internal, new Dictionary<string, string>(), false, DateTimeOffset.UtcNow.AddMinutes(3));
        _script.Then("VerifySoftwareToken", _ => new JsonObject { ["Status"] = "ERROR" });
        await Assert.ThrowsAsync<CodeMismatchException>(() => Authenticator().RespondAsync(challenge, new MfaSetupAnswer("000000")));

        // AWS's own answer to a wrong first code is an error, which stays typed.
        _script.Then("VerifySoftwareToken", _ => ScriptReply.Error("EnableSoftwareTokenMFAException", "Code mismatch"));
        await Assert.ThrowsAsync<EnableSoftwareTokenMFAException>(() => Authenticator().RespondAsync(challenge, new MfaSetupAnswer("000000")));
        _script.AssertDone();

        // Setup is only for MFA_SETUP.
        var other = challenge with { ChallengeName = "SOFTWARE_TOKEN_MFA" };
        var refused = await Assert.ThrowsAsync<UnsupportedChallengeException>(() => Authenticator().BeginSoftwareTokenSetupAsync(other));
        Assert.Contains("SOFTWARE_TOKEN_MFA", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task EMAIL_OTP_after_a_password_sign_in_by_alias_is_answered_with_the_emailed_code()
    {
        _script
            .Then("InitiateAuth", body =>
            {
                Assert.Equal("USER_PASSWORD_AUTH", body.Str("AuthFlow"));
                Assert.Equal((Alias, Password, Hash(Alias)), (body.Str("AuthParameters", "USERNAME"), body.Str("AuthParameters", "PASSWORD"), body.Str("AuthParameters", "SECRET_HASH")));
                return ScriptedTokens.Challenge("EMAIL_OTP", S("s-email"), new JsonObject
                {
                    ["CODE_DELIVERY_DELIVERY_MEDIUM"] = "EMAIL",
                    ["CODE_DELIVERY_DESTINATION"] = "a***@e***",
                    ["USER_ID_FOR_SRP"] = Internal,
                });
            })
            .Then("RespondToAuthChallenge", body =>
            {
                Assert.Equal("87654321", ExpectAnswer(body, "EMAIL_OTP", S("s-email")).Str("EMAIL_OTP_CODE"));
                return ScriptedTokens.Result(Internal);
            });
        var authenticator = Authenticator();

        var challenge = Assert.IsType<AuthChallenge>(await authenticator.SignInWithPasswordAsync(Alias, Password));
        Assert.Equal((ChallengeNameType.EmailOtp, Internal), (challenge.ChallengeName, challenge.Username));
        Assert.Equal("a***@e***", challenge.Parameters["CODE_DELIVERY_DESTINATION"]);

        Assert.IsType<AuthSucceeded>(await authenticator.RespondAsync(challenge, new MfaCodeAnswer("87654321")));
        _script.AssertDone();
    }

    [Fact]
    public async Task SELECT_MFA_TYPE_then_SMS_MFA_in_an_admin_flow_are_answered_through_signed_admin_calls()
    {
        _script
            .Then("AdminInitiateAuth", body =>
            {
                Assert.Equal(("ADMIN_USER_PASSWORD_AUTH", PoolId), (body.Str("AuthFlow"), body.Str("UserPoolId")));
                Assert.Equal(Hash(Alias), body.Str("AuthParameters", "SECRET_HASH"));
                return ScriptedTokens.Challenge("SELECT_MFA_TYPE", S("s-select"), new JsonObject
                {
                    ["MFAS_CAN_CHOOSE"] = "[\"SMS_MFA\",\"SOFTWARE_TOKEN_MFA\"]",
                    ["USER_ID_FOR_SRP"] = Internal,
                });
            })
            .Then("AdminRespondToAuthChallenge", body =>
            {
                Assert.Equal(PoolId, body.Str("UserPoolId"));
                Assert.Equal("SMS_MFA", ExpectAnswer(body, "SELECT_MFA_TYPE", S("s-select")).Str("ANSWER"));
                return ScriptedTokens.Challenge("SMS_MFA", S("s-sms"), new JsonObject
                {
                    ["CODE_DELIVERY_DELIVERY_MEDIUM"] = "SMS",
                    ["CODE_DELIVERY_DESTINATION"] = "+*******1234",
                    ["USER_ID_FOR_SRP"] = Internal,
                });
            })
            .Then("AdminRespondToAuthChallenge", body =>
            {
                Assert.Equal("135790", ExpectAnswer(body, "SMS_MFA", S("s-sms")).Str("SMS_MFA_CODE"));
                return ScriptedTokens.Result(Internal);
            });
        var authenticator = Authenticator();

        var select = Assert.IsType<AuthChallenge>(await authenticator.StartAsync("ADMIN_NO_SRP_AUTH", Alias, Password));
        Assert.True(select.Admin);
        Assert.Equal(new[] { "SMS_MFA", "SOFTWARE_TOKEN_MFA" }, select.MfaChoices);
        var sms = Assert.IsType<AuthChallenge>(await authenticator.RespondAsync(select, new SelectMfaTypeAnswer("SMS_MFA")));
        Assert.Equal((ChallengeNameType.SmsMfa, true, "+*******1234"), (sms.ChallengeName, sms.Admin, sms.Parameters["CODE_DELIVERY_DESTINATION"]));
        Assert.IsType<AuthSucceeded>(await authenticator.RespondAsync(sms, new MfaCodeAnswer("135790")));

        _script.AssertDone();
        Assert.All(_server.Requests, r => Assert.StartsWith("AWS4-HMAC-SHA256 ", r.Authorization, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CUSTOM_AUTH_without_a_password_answers_custom_challenges_round_after_round()
    {
        _script
            .Then("InitiateAuth", body =>
            {
                Assert.Equal("CUSTOM_AUTH", body.Str("AuthFlow"));
                var parameters = body["AuthParameters"]!.AsObject();
                Assert.Equal(new[] { "SECRET_HASH", "USERNAME" }, parameters.Select(p => p.Key).Order(StringComparer.Ordinal));
                Assert.Equal((Alias, Hash(Alias)), (parameters.Str("USERNAME"), parameters.Str("SECRET_HASH")));
                Assert.Equal("web", body.Str("ClientMetadata", "origin"));
                return ScriptedTokens.Challenge("CUSTOM_CHALLENGE", S("s-c1"), new JsonObject { ["USERNAME"] = Internal, ["question"] = "colour?" });
            })
            .Then("RespondToAuthChallenge", body =>
            {
                var responses = ExpectAnswer(body, "CUSTOM_CHALLENGE", S("s-c1"));
                Assert.Equal(("blue", "yes"), (responses.Str("ANSWER"), responses.Str("captchaPassed")));
                return ScriptedTokens.Challenge("CUSTOM_CHALLENGE", S("s-c2"), new JsonObject { ["USERNAME"] = Internal, ["question"] = "number?" });
            })
            .Then("RespondToAuthChallenge", body =>
            {
                Assert.Equal("42", ExpectAnswer(body, "CUSTOM_CHALLENGE", S("s-c2")).Str("ANSWER"));
                // Custom-auth Lambda triggers receive the client metadata of every answer.
                Assert.Equal("mobile", body.Str("ClientMetadata", "origin"));
                return ScriptedTokens.Result(Internal);
            });
        var authenticator = Authenticator();

        var first = Assert.IsType<AuthChallenge>(await authenticator.StartCustomAuthAsync(Alias, clientMetadata: new Dictionary<string, string> { ["origin"] = "web" }));
        Assert.Equal(("CUSTOM_CHALLENGE", Internal, "colour?"), (first.ChallengeName, first.Username, first.Parameters["question"]));
        var second = Assert.IsType<AuthChallenge>(await authenticator.RespondAsync(first, new CustomChallengeAnswer("blue", new Dictionary<string, string> { ["captchaPassed"] = "yes" })));
        Assert.Equal((S("s-c2"), "number?"), (second.Session, second.Parameters["question"]));
        Assert.IsType<AuthSucceeded>(await authenticator.RespondAsync(second, new CustomChallengeAnswer("42"), clientMetadata: new Dictionary<string, string> { ["origin"] = "mobile" }));
        _script.AssertDone();
    }

    [Fact]
    public async Task CUSTOM_AUTH_with_a_password_proves_it_with_srp_first()
    {
        var srp = new ScriptedSrp(PoolId, Internal, Password);
        _script
            .Then("InitiateAuth", body =>
            {
                Assert.Equal("CUSTOM_AUTH", body.Str("AuthFlow"));
                Assert.Equal(("SRP_A", Alias, Hash(Alias)), (body.Str("AuthParameters", "CHALLENGE_NAME"), body.Str("AuthParameters", "USERNAME"), body.Str("AuthParameters", "SECRET_HASH")));
                Assert.False(body.Has("AuthParameters", "PASSWORD"));
                return srp.Challenge(body, S("s-srp"));
            })
            .Then("RespondToAuthChallenge", body =>
            {
                ExpectAnswer(body, "PASSWORD_VERIFIER", S("s-srp"));
                return srp.Verify(body, () => ScriptedTokens.Challenge("CUSTOM_CHALLENGE", S("s-c1"), new JsonObject { ["USERNAME"] = Internal }));
            })
            .Then("RespondToAuthChallenge", body =>
            {
                Assert.Equal("otp-from-sms", ExpectAnswer(body, "CUSTOM_CHALLENGE", S("s-c1")).Str("ANSWER"));
                return ScriptedTokens.Result(Internal);
            });
        var authenticator = Authenticator();

        var custom = Assert.IsType<AuthChallenge>(await authenticator.StartCustomAuthAsync(Alias, Password));
        Assert.Equal((ChallengeNameType.CustomChallenge, Internal), (custom.ChallengeName, custom.Username));
        Assert.IsType<AuthSucceeded>(await authenticator.RespondAsync(custom, new CustomChallengeAnswer("otp-from-sms")));
        _script.AssertDone();
        Assert.All(_server.Requests, r => Assert.DoesNotContain(Password, r.Body, StringComparison.Ordinal));

        // The wrong password: the real SRP check fails, and Cognito's answer to that surfaces typed.
        var again = new ScriptedSrp(PoolId, Internal, Password);
        _script
            .Then("InitiateAuth", body => again.Challenge(body, S("s-srp-2")))
            .Then("RespondToAuthChallenge", body =>
            {
                Assert.Equal("PASSWORD_CLAIM_SIGNATURE does not match.", again.Check(body));
                return ScriptReply.Error("NotAuthorizedException", "Incorrect username or password.");
            });
        await Assert.ThrowsAsync<NotAuthorizedException>(() => authenticator.StartCustomAuthAsync(Alias, "Not!ThePassw0rd"));
        _script.AssertDone();
    }

    [Fact]
    public async Task A_device_round_after_an_answered_challenge_is_taken_when_the_device_is_given()
    {
        var device = new DeviceSecrets("eu-west-1_0a1b2c3d-0000-1111-2222-333344445555", "-R2yl2bwQ", "device-password-from-confirm");
        var deviceSrp = new ScriptedDeviceSrp(device.DeviceGroupKey, device.DeviceKey, device.DevicePassword, Internal);
        var custom = new AuthChallenge("CUSTOM_CHALLENGE", S("s-c1"), Internal, new Dictionary<string, string>(), false, DateTimeOffset.UtcNow.AddMinutes(3));
        _script
            .Then("RespondToAuthChallenge", body =>
            {
                ExpectAnswer(body, "CUSTOM_CHALLENGE", S("s-c1"));
                return ScriptedTokens.Challenge("DEVICE_SRP_AUTH", S("s-dev-1"), new JsonObject());
            })
            .Then("RespondToAuthChallenge", body =>
            {
                ExpectAnswer(body, "DEVICE_SRP_AUTH", S("s-dev-1"));
                return deviceSrp.Challenge(body, S("s-dev-2"));
            })
            .Then("RespondToAuthChallenge", body =>
            {
                ExpectAnswer(body, "DEVICE_PASSWORD_VERIFIER", S("s-dev-2"));
                Assert.Null(deviceSrp.Check(body));
                return ScriptedTokens.Result(Internal);
            });

        var succeeded = Assert.IsType<AuthSucceeded>(await Authenticator().RespondAsync(custom, new CustomChallengeAnswer("4"), device));
        Assert.Equal(Internal, succeeded.Username);
        _script.AssertDone();

        // Without the device's secrets the round cannot be taken, and the caller is told so.
        _script.Then("RespondToAuthChallenge", _ => ScriptedTokens.Challenge("DEVICE_SRP_AUTH", S("s-dev-3"), new JsonObject()));
        var refused = await Assert.ThrowsAsync<UnsupportedChallengeException>(() => Authenticator().RespondAsync(custom, new CustomChallengeAnswer("4")));
        Assert.Contains("no device credentials", refused.Message, StringComparison.Ordinal);
        _script.AssertDone();
    }

    [Theory]
    [InlineData("SOME_FUTURE_CHALLENGE")]
    [InlineData("MAGIC_LINK")]
    public async Task A_challenge_this_library_cannot_answer_is_UnsupportedChallengeException_naming_it(string name)
    {
        var srp = new ScriptedSrp(PoolId, Internal, Password);
        _script
            .Then("InitiateAuth", _ => ScriptedTokens.Challenge(name, S("s-1"), new JsonObject { ["USER_ID_FOR_SRP"] = Internal }))
            .Then("InitiateAuth", body => srp.Challenge(body, S("s-srp")))
            .Then("RespondToAuthChallenge", body => srp.Verify(body, () => ScriptedTokens.Challenge(name, S("s-2"), new JsonObject { ["USER_ID_FOR_SRP"] = Internal })));
        var authenticator = Authenticator();

        var direct = await Assert.ThrowsAsync<UnsupportedChallengeException>(() => authenticator.SignInWithPasswordAsync(Alias, Password));
        Assert.Contains($"'{name}'", direct.Message, StringComparison.Ordinal);
        var afterSrp = await Assert.ThrowsAsync<UnsupportedChallengeException>(() => authenticator.SignInWithSrpAsync(Alias, Password));
        Assert.Contains($"'{name}'", afterSrp.Message, StringComparison.Ordinal);
        Assert.Equal(UnsupportedChallengeException.Code, afterSrp.ErrorCode);
        _script.AssertDone();
    }

    [Theory]
    [InlineData("PASSWORD_VERIFIER", "did not start SRP")]
    [InlineData("DEVICE_SRP_AUTH", "no device credentials")]
    [InlineData("DEVICE_PASSWORD_VERIFIER", "without a device round")]
    public async Task An_automatic_round_the_sign_in_cannot_take_is_refused_with_the_reason(string name, string reason)
    {
        _script.Then("InitiateAuth", _ => ScriptedTokens.Challenge(name, S("s-1"), new JsonObject { ["USERNAME"] = Internal }));
        var refused = await Assert.ThrowsAsync<UnsupportedChallengeException>(() => Authenticator().SignInWithPasswordAsync(Alias, Password));
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
        _script.AssertDone();
    }

    public static TheoryData<string, ChallengeAnswer> MismatchedAnswers => new()
    {
        { "EMAIL_OTP", new SelectMfaTypeAnswer("EMAIL_OTP") },
        { "SMS_MFA", new NewPasswordAnswer("N3w!Password") },
        { "NEW_PASSWORD_REQUIRED", new MfaCodeAnswer("123456") },
        { "SELECT_MFA_TYPE", new CustomChallengeAnswer("SMS_MFA") },
        { "MFA_SETUP", new MfaCodeAnswer("123456") },
        { "CUSTOM_CHALLENGE", new MfaSetupAnswer("123456") },
        { "PASSWORD_VERIFIER", new CustomChallengeAnswer("x") },
        { "SOME_FUTURE_CHALLENGE", new CustomChallengeAnswer("x") },
    };

    [Theory]
    [MemberData(nameof(MismatchedAnswers))]
    public async Task An_answer_of_the_wrong_kind_is_refused_before_any_call(string name, ChallengeAnswer answer)
    {
        var challenge = new AuthChallenge(name, S("s-1"), Internal, new Dictionary<string, string>(), false, DateTimeOffset.UtcNow.AddMinutes(3));
        var refused = await Assert.ThrowsAsync<UnsupportedChallengeException>(() => Authenticator().RespondAsync(challenge, answer));
        Assert.Contains($"'{name}'", refused.Message, StringComparison.Ordinal);
        Assert.Contains(answer.GetType().Name, refused.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task PasswordResetRequiredException_surfaces_typed_from_either_kind_of_start()
    {
        const string message = "Password reset required for the user";
        var srp = new ScriptedSrp(PoolId, Internal, Password);
        _script
            .Then("InitiateAuth", _ => ScriptReply.Error("PasswordResetRequiredException", message))
            .Then("InitiateAuth", body => srp.Challenge(body, S("s-srp")))
            .Then("RespondToAuthChallenge", body =>
            {
                Assert.Null(srp.Check(body));
                return ScriptReply.Error("PasswordResetRequiredException", message);
            });
        var authenticator = Authenticator();

        var direct = await Assert.ThrowsAsync<PasswordResetRequiredException>(() => authenticator.SignInWithPasswordAsync(Alias, Password));
        Assert.Equal(message, direct.Message);
        var afterSrp = await Assert.ThrowsAsync<PasswordResetRequiredException>(() => authenticator.SignInWithSrpAsync(Alias, Password));
        Assert.Equal("PasswordResetRequiredException", afterSrp.ErrorCode);
        _script.AssertDone();
    }

    [Fact]
    public async Task NEW_PASSWORD_REQUIRED_lists_the_required_attributes_and_the_answer_supplies_them()
    {
        _script
            .Then("InitiateAuth", _ => ScriptedTokens.Challenge("NEW_PASSWORD_REQUIRED", S("s-new"), new JsonObject
            {
                ["USER_ID_FOR_SRP"] = Internal,
                ["requiredAttributes"] = "[\"userAttributes.given_name\",\"userAttributes.family_name\"]",
                ["userAttributes"] = "{\"email_verified\":\"true\",\"email\":\"alice@example.com\"}",
            }))
            .Then("RespondToAuthChallenge", body =>
            {
                var responses = ExpectAnswer(body, "NEW_PASSWORD_REQUIRED", S("s-new"));
                Assert.Equal(("N3w!Passw0rd", "Ada", "Lovelace"), (responses.Str("NEW_PASSWORD"), responses.Str("userAttributes.given_name"), responses.Str("userAttributes.family_name")));
                return ScriptedTokens.Result(Internal);
            });
        var authenticator = Authenticator();

        var challenge = Assert.IsType<AuthChallenge>(await authenticator.SignInWithPasswordAsync(Alias, Password));
        Assert.Equal(new[] { "given_name", "family_name" }, challenge.RequiredAttributes);
        var attributes = challenge.RequiredAttributes.Zip(new[] { "Ada", "Lovelace" }).ToDictionary(p => p.First, p => p.Second);
        Assert.IsType<AuthSucceeded>(await authenticator.RespondAsync(challenge, new NewPasswordAnswer("N3w!Passw0rd", attributes)));
        _script.AssertDone();
    }

    [Fact]
    public async Task ExpiresIn_is_preferred_over_the_tokens_exp_and_counted_on_the_local_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var authenticator = Authenticator(clock: clock);

        // ExpiresIn (600 s) wins over the token's own hour.
        _script.Then("InitiateAuth", _ => ScriptedTokens.Result(Internal, expiresIn: 600, lifetime: TimeSpan.FromHours(1)));
        var withExpiresIn = Assert.IsType<AuthSucceeded>(await authenticator.SignInWithPasswordAsync(Alias, Password));
        Assert.Equal(clock.GetUtcNow().AddSeconds(600), withExpiresIn.Tokens.ExpiresAt);
        Assert.Equal("Bearer", withExpiresIn.Tokens.TokenType);

        // Without it, the token's lifetime (exp - iat) from now on the local clock, however far off real time it is.
        _script.Then("InitiateAuth", _ => ScriptedTokens.Result(Internal, expiresIn: null, lifetime: TimeSpan.FromMinutes(20)));
        var fromToken = Assert.IsType<AuthSucceeded>(await authenticator.SignInWithPasswordAsync(Alias, Password));
        Assert.Equal(clock.GetUtcNow().AddMinutes(20), fromToken.Tokens.ExpiresAt);

        // Neither: not something to guess.
        _script.Then("InitiateAuth", _ => new JsonObject { ["AuthenticationResult"] = new JsonObject { ["AccessToken"] = "opaque" } });
        await Assert.ThrowsAsync<CognitoProtocolException>(() => authenticator.SignInWithPasswordAsync(Alias, Password));
        _script.AssertDone();
    }

    [Fact]
    public async Task NewDeviceMetadata_and_the_username_of_the_token_are_kept()
    {
        _script.Then("InitiateAuth", _ => ScriptedTokens.Result(Internal, newDevice: new JsonObject
        {
            ["DeviceKey"] = "eu-west-1_0a1b2c3d-0000-1111-2222-333344445555",
            ["DeviceGroupKey"] = "-R2yl2bwQ",
        }));

        var succeeded = Assert.IsType<AuthSucceeded>(await Authenticator().SignInWithPasswordAsync(Alias, Password));

        Assert.Equal(new NewDeviceMetadata("eu-west-1_0a1b2c3d-0000-1111-2222-333344445555", "-R2yl2bwQ"), succeeded.Tokens.NewDevice);
        Assert.Equal(Internal, succeeded.Username);
        _script.AssertDone();
    }

    [Fact]
    public async Task Refresh_keeps_the_refresh_token_unless_a_new_one_comes_back()
    {
        var authenticator = Authenticator();
        _script
            .Then("GetTokensFromRefreshToken", body =>
            {
                Assert.Equal((ClientId, ClientSecret, "old-refresh", DeviceKey), (body.Str("ClientId"), body.Str("ClientSecret"), body.Str("RefreshToken"), body.Str("DeviceKey")));
                return ScriptedTokens.Result(Internal, refreshToken: "rotated-refresh");
            })
            .Then("GetTokensFromRefreshToken", _ => ScriptedTokens.Result(Internal, refreshToken: null))
            .Then("InitiateAuth", body =>
            {
                Assert.Equal("REFRESH_TOKEN_AUTH", body.Str("AuthFlow"));
                Assert.Equal(("rotated-refresh", Hash(Internal), DeviceKey), (body.Str("AuthParameters", "REFRESH_TOKEN"), body.Str("AuthParameters", "SECRET_HASH"), body.Str("AuthParameters", "DEVICE_KEY")));
                return ScriptedTokens.Result(Internal, refreshToken: null);
            })
            .Then("InitiateAuth", _ => new JsonObject { ["ChallengeParameters"] = new JsonObject() });

        var rotated = await authenticator.RefreshAsync("old-refresh", Internal, DeviceKey, useRotation: true);
        Assert.Equal("rotated-refresh", rotated.Tokens.RefreshToken);

        // A GetTokensFromRefreshToken answer without a refresh token (rotation off for the client) must not drop the one held.
        var unrotated = await authenticator.RefreshAsync("rotated-refresh", Internal, useRotation: true);
        Assert.Equal("rotated-refresh", unrotated.Tokens.RefreshToken);

        var legacy = await authenticator.RefreshAsync("rotated-refresh", Internal, DeviceKey);
        Assert.Equal("rotated-refresh", legacy.Tokens.RefreshToken);

        await Assert.ThrowsAsync<CognitoProtocolException>(() => authenticator.RefreshAsync("rotated-refresh", Internal));
        _script.AssertDone();
        Assert.All(_server.Requests, r => Assert.Null(r.Authorization));
    }
}
