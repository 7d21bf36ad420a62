using System.Text.Json.Nodes;
using Cognito.IdentityProvider.Authentication;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Model;
using Cognito.IdentityProvider.Security;
using Cognito.IdentityProvider.Tests.Wire;
using Cognito.Testing.Scripted;

namespace Cognito.IdentityProvider.Tests.Authentication;

/// <summary>
/// Choice-based sign-in (USER_AUTH) against a scripted server that checks every request we send
/// in the shapes Cognito documents; SRP password proofs are checked for real by the test's
/// independent SRP server.
/// </summary>
public sealed class ScriptedUserAuthTests : IAsyncLifetime
{
    private const string PoolId = "eu-west-1_AbC123";
    private const string ClientId = "4a1b2c3d4e5f6g7h8i9j0k1l2m";
    private const string ClientSecret = "1q2w3e4r5t6y7u8i9o0p1a2s3d4f5g6h7j8k9l0z1x2c3v4b5n6m";
    private const string Alias = "alice@example.com";
    private const string Internal = "8f4e2c1a-5b6d-4e7f-8a9b-0c1d2e3f4a5b";
    private const string Password = "Passw0rd!Strong";
    private const string Assertion = """{"id":"cred-1","rawId":"cred-1","type":"public-key","response":{"clientDataJSON":"e30","authenticatorData":"AA","signature":"AA"}}""";

    private ScriptedCognitoServer _server = null!;
    private AuthScript _script = null!;

    public async Task InitializeAsync()
    {
        _server = await ScriptedCognitoServer.StartAsync();
        _script = new AuthScript(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private CognitoAuthenticator Authenticator() => new(ScriptedClient.Create(_server), new CognitoAppClient(PoolId, ClientId, ClientSecret));

    private static string S(string tag) => "AYABeF" + tag + "-" + new string('q', 48);

    private static string Hash(string username) => SecretHash.Compute(username, ClientId, ClientSecret);

    private static JsonObject SelectChallenge(params string[] factors) => new()
    {
        ["ChallengeName"] = "SELECT_CHALLENGE",
        ["Session"] = S("s-select"),
        ["ChallengeParameters"] = new JsonObject { ["USERNAME"] = Internal },
        ["AvailableChallenges"] = new JsonArray([.. factors.Select(f => JsonValue.Create(f))]),
    };

    private static JsonObject ExpectUserAuth(JsonObject body, string? preferred)
    {
        Assert.Equal("USER_AUTH", body.Str("AuthFlow"));
        Assert.Equal((Alias, Hash(Alias)), (body.Str("AuthParameters", "USERNAME"), body.Str("AuthParameters", "SECRET_HASH")));
        var parameters = body["AuthParameters"]!.AsObject();
        Assert.Equal(preferred, parameters["PREFERRED_CHALLENGE"]?.GetValue<string>());
        return parameters;
    }

    private static JsonObject ExpectAnswer(JsonObject body, string challengeName, string session)
    {
        Assert.Equal(challengeName, body.Str("ChallengeName"));
        Assert.Equal(session, body.Str("Session"));
        var responses = body["ChallengeResponses"]!.AsObject();
        Assert.Equal(Internal, responses.Str("USERNAME"));
        Assert.Equal(Hash(Internal), responses.Str("SECRET_HASH"));
        return responses;
    }

    [Fact]
    public async Task PASSWORD_SRP_as_the_preferred_factor_proves_the_password_without_sending_it()
    {
        var srp = new ScriptedSrp(PoolId, Internal, Password);
        _script
            .Then("InitiateAuth", body =>
            {
                var parameters = ExpectUserAuth(body, "PASSWORD_SRP");
                Assert.False(parameters.ContainsKey("PASSWORD"));
                return srp.Challenge(body, S("s-srp"));
            })
            .Then("RespondToAuthChallenge", body =>
            {
                ExpectAnswer(body, "PASSWORD_VERIFIER", S("s-srp"));
                return srp.Verify(body, () => ScriptedTokens.Result(Internal));
            });

        var signedIn = Assert.IsType<AuthSucceeded>(await Authenticator().StartUserAuthAsync(Alias, ChallengeNameType.PasswordSrp, Password));

        Assert.Equal(Internal, signedIn.Username);
        _script.AssertDone();
        Assert.All(_server.Requests, r => Assert.DoesNotContain(Password, r.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_preference_the_user_chooses_srp_from_the_offered_factors_and_mfa_follows()
    {
        var srp = new ScriptedSrp(PoolId, Internal, Password);
        _script
            .Then("InitiateAuth", body =>
            {
                var parameters = ExpectUserAuth(body, null);
                Assert.False(parameters.ContainsKey("SRP_A"));
                return SelectChallenge("PASSWORD", "PASSWORD_SRP", "EMAIL_OTP", "WEB_AUTHN");
            })
            .Then("RespondToAuthChallenge", body =>
            {
                var responses = ExpectAnswer(body, "SELECT_CHALLENGE", S("s-select"));
                Assert.Equal("PASSWORD_SRP", responses.Str("ANSWER"));
                Assert.False(responses.ContainsKey("PASSWORD"));
                return srp.Challenge(new JsonObject { ["AuthParameters"] = new JsonObject { ["SRP_A"] = responses.Str("SRP_A") } }, S("s-srp"));
            })
            .Then("RespondToAuthChallenge", body =>
            {
                ExpectAnswer(body, "PASSWORD_VERIFIER", S("s-srp"));
                return srp.Verify(body, () => ScriptedTokens.Challenge("SOFTWARE_TOKEN_MFA", S("s-mfa"), new JsonObject { ["USER_ID_FOR_SRP"] = Internal }));
            })
            .Then("RespondToAuthChallenge", body =>
            {
                Assert.Equal("246810", ExpectAnswer(body, "SOFTWARE_TOKEN_MFA", S("s-mfa")).Str("SOFTWARE_TOKEN_MFA_CODE"));
                return ScriptedTokens.Result(Internal);
            });
        var authenticator = Authenticator();

        var select = Assert.IsType<AuthChallenge>(await authenticator.StartUserAuthAsync(Alias));
        Assert.Equal(ChallengeNameType.SelectChallenge, select.ChallengeName);
        Assert.Equal(["PASSWORD", "PASSWORD_SRP", "EMAIL_OTP", "WEB_AUTHN"], select.AvailableChallenges);

        var mfa = Assert.IsType<AuthChallenge>(await authenticator.RespondAsync(select, new SelectChallengeAnswer("PASSWORD_SRP", Password)));
        Assert.Equal(ChallengeNameType.SoftwareTokenMfa, mfa.ChallengeName);
        Assert.IsType<AuthSucceeded>(await authenticator.RespondAsync(mfa, new MfaCodeAnswer("246810")));
        _script.AssertDone();
    }

    [Fact]
    public async Task A_chosen_password_factor_sends_the_password_with_the_answer()
    {
        _script
            .Then("InitiateAuth", body => { ExpectUserAuth(body, null); return SelectChallenge("PASSWORD", "EMAIL_OTP"); })
            .Then("RespondToAuthChallenge", body =>
            {
                var responses = ExpectAnswer(body, "SELECT_CHALLENGE", S("s-select"));
                Assert.Equal(("PASSWORD", Password), (responses.Str("ANSWER"), responses.Str("PASSWORD")));
                return ScriptedTokens.Result(Internal);
            });
        var authenticator = Authenticator();

        var select = Assert.IsType<AuthChallenge>(await authenticator.StartUserAuthAsync(Alias));
        Assert.IsType<AuthSucceeded>(await authenticator.RespondAsync(select, new SelectChallengeAnswer("PASSWORD", Password)));
        _script.AssertDone();
    }

    [Fact]
    public async Task An_email_one_time_code_is_chosen_then_answered()
    {
        _script
            .Then("InitiateAuth", body => { ExpectUserAuth(body, null); return SelectChallenge("EMAIL_OTP", "SMS_OTP"); })
            .Then("RespondToAuthChallenge", body =>
            {
                Assert.Equal("EMAIL_OTP", ExpectAnswer(body, "SELECT_CHALLENGE", S("s-select")).Str("ANSWER"));
                return ScriptedTokens.Challenge("EMAIL_OTP", S("s-email"), new JsonObject { ["CODE_DELIVERY_DESTINATION"] = "a***@e***", ["USERNAME"] = Internal });
            })
            .Then("RespondToAuthChallenge", body =>
            {
                Assert.Equal("12345678", ExpectAnswer(body, "EMAIL_OTP", S("s-email")).Str("EMAIL_OTP_CODE"));
                return ScriptedTokens.Result(Internal);
            });
        var authenticator = Authenticator();

        var select = Assert.IsType<AuthChallenge>(await authenticator.StartUserAuthAsync(Alias));
        var email = Assert.IsType<AuthChallenge>(await authenticator.RespondAsync(select, new SelectChallengeAnswer("EMAIL_OTP")));
        Assert.Equal(ChallengeNameType.EmailOtp, email.ChallengeName);
        Assert.IsType<AuthSucceeded>(await authenticator.RespondAsync(email, new MfaCodeAnswer("12345678")));
        _script.AssertDone();
    }

    [Fact]
    public async Task A_passkey_sign_in_hands_out_the_request_options_and_sends_the_assertion()
    {
        const string Options = """{"challenge":"c2lnbi1pbg","rpId":"example.com","timeout":180000,"allowCredentials":[]}""";
        _script
            .Then("InitiateAuth", body =>
            {
                ExpectUserAuth(body, "WEB_AUTHN");
                return ScriptedTokens.Challenge("WEB_AUTHN", S("s-webauthn"), new JsonObject { ["CREDENTIAL_REQUEST_OPTIONS"] = Options, ["USERNAME"] = Internal });
            })
            .Then("RespondToAuthChallenge", body =>
            {
                Assert.Equal(Assertion, ExpectAnswer(body, "WEB_AUTHN", S("s-webauthn")).Str("CREDENTIAL"));
                return ScriptedTokens.Result(Internal);
            });
        var authenticator = Authenticator();

        var passkey = Assert.IsType<AuthChallenge>(await authenticator.StartUserAuthAsync(Alias, ChallengeNameType.WebAuthn));
        Assert.Equal(Options, passkey.CredentialRequestOptions);
        Assert.IsType<AuthSucceeded>(await authenticator.RespondAsync(passkey, new WebAuthnAnswer(Assertion)));
        _script.AssertDone();
    }

    [Fact]
    public async Task Bad_choices_are_refused_before_any_call()
    {
        var authenticator = Authenticator();
        await Assert.ThrowsAsync<InvalidParameterException>(() => authenticator.StartUserAuthAsync(Alias, "MAGIC_LINK"));
        await Assert.ThrowsAsync<InvalidParameterException>(() => authenticator.StartUserAuthAsync(Alias, ChallengeNameType.Password));
        var select = new AuthChallenge(ChallengeNameType.SelectChallenge, S("s-select"), Internal, new Dictionary<string, string>(), false, DateTimeOffset.UtcNow.AddMinutes(3), ["EMAIL_OTP"]);
        await Assert.ThrowsAsync<InvalidParameterException>(() => authenticator.RespondAsync(select, new SelectChallengeAnswer("PASSWORD_SRP", Password)));
        var webAuthn = select with { ChallengeName = ChallengeNameType.WebAuthn };
        var error = await Assert.ThrowsAsync<InvalidParameterException>(() => authenticator.RespondAsync(webAuthn, new WebAuthnAnswer("not json: secret-assertion")));
        Assert.DoesNotContain("secret-assertion", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void Answers_never_print_passwords_or_assertions()
    {
        Assert.DoesNotContain(Password, new SelectChallengeAnswer("PASSWORD", Password).ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("cred-1", new WebAuthnAnswer(Assertion).ToString(), StringComparison.Ordinal);
    }
}
