using System.Text.Json.Nodes;
using Cognito.Testing.CognitoLocal;
using Cognito.Testing.Tools;
using Cognito.Testing.SrpFront;
using Cognito.Testing.Tests.Support;

namespace Cognito.Testing.Tests.Front;

/// <summary>Choice-based sign-in (USER_AUTH) as the front serves it: SELECT_CHALLENGE, PASSWORD, PASSWORD_SRP, EMAIL_OTP.</summary>
[Collection(SrpFrontCollection.Name)]
public sealed class UserAuthTests(SrpFrontFixture fixture)
{
    private const string Password = CognitoLocalFixture.DefaultPassword;

    private RawCognito Raw => new(fixture.Http, fixture.Front.Url);

    [Fact]
    public async Task Without_a_preferred_challenge_the_user_chooses_among_the_factors_they_have()
    {
        var pool = await fixture.CreatePoolAsync();
        var username = await fixture.CreateUserAsync(pool, email: fixture.UniqueName("u") + "@example.com");
        var select = await StartAsync(pool, username);
        Assert.Equal("SELECT_CHALLENGE", select["ChallengeName"]!.GetValue<string>());
        Assert.Equal(["PASSWORD_SRP", "PASSWORD", "EMAIL_OTP"], Strings(select["AvailableChallenges"]));

        var tokens = await RespondAsync(pool, "SELECT_CHALLENGE", select, new JsonObject { ["USERNAME"] = username, ["ANSWER"] = "PASSWORD", ["PASSWORD"] = Password });
        Assert.NotNull(tokens["AuthenticationResult"]?["AccessToken"]);

        // The session was used up; and a factor that was not offered is refused.
        var used = await Raw.FailsAsync("RespondToAuthChallenge", Answer(pool, "SELECT_CHALLENGE", select, new JsonObject { ["USERNAME"] = username, ["ANSWER"] = "PASSWORD", ["PASSWORD"] = Password }));
        Assert.Equal("NotAuthorizedException", used.Type);
        var other = await StartAsync(pool, username);
        var notOffered = await Raw.FailsAsync("RespondToAuthChallenge", Answer(pool, "SELECT_CHALLENGE", other, new JsonObject { ["USERNAME"] = username, ["ANSWER"] = "WEB_AUTHN" }));
        Assert.Equal("InvalidParameterException", notOffered.Type);
    }

    [Fact]
    public async Task Password_srp_leads_to_the_usual_password_verifier_and_a_wrong_password_fails()
    {
        var pool = await fixture.CreatePoolAsync();
        var username = await fixture.CreateUserAsync(pool);
        var login = new SrpLogin(Raw, pool);
        var verifier = await StartAsync(pool, username, new JsonObject { ["PREFERRED_CHALLENGE"] = "PASSWORD_SRP", ["SRP_A"] = login.SrpA });
        Assert.Equal("PASSWORD_VERIFIER", verifier["ChallengeName"]!.GetValue<string>());
        Assert.NotNull((await login.AnswerAsync(verifier, Password))["AuthenticationResult"]?["IdToken"]);

        var wrong = await Raw.FailsAsync("InitiateAuth", Start(pool, username, new JsonObject { ["PREFERRED_CHALLENGE"] = "PASSWORD", ["PASSWORD"] = Password + "x" }));
        Assert.Equal("NotAuthorizedException", wrong.Type);
    }

    [Fact]
    public async Task An_email_code_signs_in_once_a_wrong_code_may_be_retried_and_three_wrong_codes_end_the_session()
    {
        var pool = await fixture.CreatePoolAsync();
        var username = await fixture.CreateUserAsync(pool, email: "mail" + fixture.UniqueName("u") + "@example.com");
        var challenge = await StartAsync(pool, username, new JsonObject { ["PREFERRED_CHALLENGE"] = "EMAIL_OTP" });
        Assert.Equal("EMAIL_OTP", challenge["ChallengeName"]!.GetValue<string>());
        Assert.Equal("EMAIL", challenge["ChallengeParameters"]!["CODE_DELIVERY_DELIVERY_MEDIUM"]!.GetValue<string>());
        Assert.Equal("m***@e***", challenge["ChallengeParameters"]!["CODE_DELIVERY_DESTINATION"]!.GetValue<string>());

        var mismatch = await Raw.FailsAsync("RespondToAuthChallenge", Answer(pool, "EMAIL_OTP", challenge, new JsonObject { ["USERNAME"] = username, ["EMAIL_OTP_CODE"] = "000000" }));
        Assert.Equal("CodeMismatchException", mismatch.Type);
        var tokens = await RespondAsync(pool, "EMAIL_OTP", challenge, new JsonObject { ["USERNAME"] = username, ["EMAIL_OTP_CODE"] = LocalCognito.Code });
        Assert.NotNull(tokens["AuthenticationResult"]?["AccessToken"]);
        var replayed = await Raw.FailsAsync("RespondToAuthChallenge", Answer(pool, "EMAIL_OTP", challenge, new JsonObject { ["USERNAME"] = username, ["EMAIL_OTP_CODE"] = LocalCognito.Code }));
        Assert.Equal("NotAuthorizedException", replayed.Type);

        var guessed = await StartAsync(pool, username, new JsonObject { ["PREFERRED_CHALLENGE"] = "EMAIL_OTP" });
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("CodeMismatchException", (await Raw.FailsAsync("RespondToAuthChallenge", Answer(pool, "EMAIL_OTP", guessed, new JsonObject { ["USERNAME"] = username, ["EMAIL_OTP_CODE"] = $"00000{i}" }))).Type);
        }

        var ended = await Raw.FailsAsync("RespondToAuthChallenge", Answer(pool, "EMAIL_OTP", guessed, new JsonObject { ["USERNAME"] = username, ["EMAIL_OTP_CODE"] = LocalCognito.Code }));
        Assert.Equal("NotAuthorizedException", ended.Type);
    }

    [Fact]
    public async Task A_user_without_an_email_is_asked_to_choose_and_an_unknown_user_is_not_found()
    {
        var pool = await fixture.CreatePoolAsync();
        var username = await fixture.CreateUserAsync(pool);
        var select = await StartAsync(pool, username, new JsonObject { ["PREFERRED_CHALLENGE"] = "EMAIL_OTP" });
        Assert.Equal("SELECT_CHALLENGE", select["ChallengeName"]!.GetValue<string>());
        Assert.Equal(["PASSWORD_SRP", "PASSWORD"], Strings(select["AvailableChallenges"]));
        Assert.Equal("UserNotFoundException", (await Raw.FailsAsync("InitiateAuth", Start(pool, "nobody" + fixture.UniqueName("n")))).Type);
    }

    private Task<JsonObject> StartAsync(TestPool pool, string username, JsonObject? extra = null) => Raw.CallAsync("InitiateAuth", Start(pool, username, extra));

    private Task<JsonObject> RespondAsync(TestPool pool, string name, JsonObject challenge, JsonObject responses) => Raw.CallAsync("RespondToAuthChallenge", Answer(pool, name, challenge, responses));

    internal static JsonObject Start(TestPool pool, string username, JsonObject? extra = null)
    {
        var parameters = new JsonObject { ["USERNAME"] = username };
        foreach (var (key, value) in extra ?? [])
        {
            parameters[key] = value?.DeepClone();
        }

        return new JsonObject { ["AuthFlow"] = "USER_AUTH", ["ClientId"] = pool.ClientId, ["AuthParameters"] = parameters };
    }

    internal static JsonObject Answer(TestPool pool, string name, JsonObject challenge, JsonObject responses) => new()
    {
        ["ChallengeName"] = name,
        ["ClientId"] = pool.ClientId,
        ["Session"] = challenge["Session"]!.GetValue<string>(),
        ["ChallengeResponses"] = responses.DeepClone(),
    };

    private static string[] Strings(JsonNode? array) => [.. array!.AsArray().Select(n => n!.GetValue<string>())];
}
