using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Model;

namespace Cognito.Grains.Tests;

/// <summary>
/// Choice-based sign-in (USER_AUTH) through the grain, against answers shaped as AWS sends them:
/// neither cognito-local nor the front has USER_AUTH yet. The server checks what the grain sent.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class RecordedUserAuthTests(GrainClusterFixture cluster)
{
    private const string SelectChallenge = """{"ChallengeName":"SELECT_CHALLENGE","Session":"session-select-aaaaaaaaaaa","AvailableChallenges":["PASSWORD","PASSWORD_SRP","EMAIL_OTP","WEB_AUTHN"],"ChallengeParameters":{"USERNAME":"uma"}}""";

    [Fact]
    public async Task Without_a_preference_the_user_chooses_a_one_time_email_code_among_the_offered_factors()
    {
        cluster.Script(new()
        {
            ["InitiateAuth"] = _ => SelectChallenge,
            ["RespondToAuthChallenge"] = b => b.GetProperty("ChallengeName").GetString() == "SELECT_CHALLENGE"
                ? """{"ChallengeName":"EMAIL_OTP","Session":"session-email-aaaaaaaaaaaa","ChallengeParameters":{"CODE_DELIVERY_DESTINATION":"u***@e***","CODE_DELIVERY_DELIVERY_MEDIUM":"EMAIL","USERNAME":"uma"}}"""
                : RecordedPool.Tokens,
        });
        var user = cluster.User("recorded", "uma");

        var step = await user.StartUserAuthAsync();
        var initiate = cluster.Last("InitiateAuth");
        Assert.Equal("USER_AUTH", initiate.GetProperty("AuthFlow").GetString());
        Assert.False(initiate.GetProperty("AuthParameters").TryGetProperty("PREFERRED_CHALLENGE", out _));
        Assert.Equal(ChallengeNameType.SelectChallenge, step.Challenge!.Name);
        Assert.Equal(["PASSWORD", "PASSWORD_SRP", "EMAIL_OTP", "WEB_AUTHN"], step.Challenge.AvailableChallenges);
        await Assert.ThrowsAsync<InvalidParameterException>(() => user.SelectChallengeAsync("SMS_OTP"));

        var code = await user.SelectChallengeAsync("EMAIL_OTP");
        var select = cluster.Last("RespondToAuthChallenge");
        Assert.Equal("session-select-aaaaaaaaaaa", select.GetProperty("Session").GetString());
        Assert.Equal("EMAIL_OTP", select.GetProperty("ChallengeResponses").GetProperty("ANSWER").GetString());
        Assert.Equal(ChallengeNameType.EmailOtp, code.Challenge!.Name);
        Assert.Equal("u***@e***", code.Challenge.Parameters["CODE_DELIVERY_DESTINATION"]);

        Assert.True((await user.RespondToMfaAsync("135790")).IsSignedIn);
        var answer = cluster.Last("RespondToAuthChallenge");
        Assert.Equal("EMAIL_OTP", answer.GetProperty("ChallengeName").GetString());
        Assert.Equal("135790", answer.GetProperty("ChallengeResponses").GetProperty("EMAIL_OTP_CODE").GetString());
        Assert.Equal("eyJ.access.recorded", (await user.GetTokensAsync()).AccessToken);
    }

    [Fact]
    public async Task A_preferred_password_factor_signs_in_in_one_round_trip()
    {
        cluster.Script(new() { ["InitiateAuth"] = _ => RecordedPool.Tokens });
        var user = cluster.User("recorded", "pia");

        Assert.True((await user.StartUserAuthAsync("PASSWORD", "Passw0rd!")).IsSignedIn);
        var parameters = cluster.Last("InitiateAuth").GetProperty("AuthParameters");
        Assert.Equal("PASSWORD", parameters.GetProperty("PREFERRED_CHALLENGE").GetString());
        Assert.Equal("Passw0rd!", parameters.GetProperty("PASSWORD").GetString());
        Assert.Equal("pia", parameters.GetProperty("USERNAME").GetString());
        await Assert.ThrowsAsync<InvalidParameterException>(() => cluster.User("recorded", "pia2").StartUserAuthAsync("PASSWORD"));
        await Assert.ThrowsAsync<InvalidParameterException>(() => cluster.User("recorded", "pia3").StartUserAuthAsync("FINGERPRINT"));
    }

    [Fact]
    public async Task A_passkey_answers_the_web_authn_challenge_with_the_browsers_credential()
    {
        const string options = """{"challenge":"q1w2e3r4t5y6u7i8o9p0","rpId":"example.com","timeout":180000,"userVerification":"required","allowCredentials":[]}""";
        cluster.Script(new()
        {
            ["InitiateAuth"] = _ => $$$"""{"ChallengeName":"WEB_AUTHN","Session":"session-webauthn-aaaaaaaaa","ChallengeParameters":{"CREDENTIAL_REQUEST_OPTIONS":{{{System.Text.Json.JsonSerializer.Serialize(options)}}},"USERNAME":"kim"}}""",
            ["RespondToAuthChallenge"] = _ => RecordedPool.Tokens,
        });
        var user = cluster.User("recorded", "kim");

        var step = await user.StartUserAuthAsync("WEB_AUTHN");
        Assert.Equal(ChallengeNameType.WebAuthn, step.Challenge!.Name);
        Assert.Equal(options, step.Challenge.Parameters["CREDENTIAL_REQUEST_OPTIONS"]);

        const string credential = """{"id":"cred-1","rawId":"cred-1","type":"public-key","response":{"clientDataJSON":"e30","authenticatorData":"AAAA","signature":"MEUC"},"clientExtensionResults":{}}""";
        Assert.True((await user.RespondToWebAuthnAsync(credential)).IsSignedIn);
        var answer = cluster.Last("RespondToAuthChallenge");
        Assert.Equal("WEB_AUTHN", answer.GetProperty("ChallengeName").GetString());
        Assert.Equal("session-webauthn-aaaaaaaaa", answer.GetProperty("Session").GetString());
        Assert.Equal(credential, answer.GetProperty("ChallengeResponses").GetProperty("CREDENTIAL").GetString());
    }
}
