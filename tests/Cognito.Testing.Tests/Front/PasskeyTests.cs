using System.Text;
using System.Text.Json.Nodes;
using Cognito.Testing.CognitoLocal;
using Cognito.Testing.Tools;
using Cognito.Testing.SrpFront;
using Microsoft.Extensions.Time.Testing;
using Cognito.Testing.Tests.Support;

namespace Cognito.Testing.Tests.Front;

/// <summary>
/// Passkeys as the front serves them, proven with a test-side software authenticator: registration
/// (attestation verified), listing, deletion, WEB_AUTHN sign-in with the signature verified, and
/// each attack refused with a typed error.
/// </summary>
[Collection(SrpFrontCollection.Name)]
public sealed class PasskeyTests(SrpFrontFixture fixture)
{
    private RawCognito Raw => new(fixture.Http, fixture.Front.Url);

    [Theory]
    [InlineData(false, "none")]
    [InlineData(true, "none")]
    [InlineData(false, "packed")]
    [InlineData(true, "packed")]
    public async Task A_registered_passkey_signs_in_with_its_signature(bool rsa, string format)
    {
        var (pool, username, accessToken) = await SignedInUserAsync();
        using var authenticator = new SoftwareAuthenticator(rsa);
        await RegisterAsync(accessToken, authenticator, format);

        var listed = (await Raw.CallAsync("ListWebAuthnCredentials", new JsonObject { ["AccessToken"] = accessToken }))["Credentials"]!.AsArray();
        Assert.Equal(authenticator.Id, Assert.Single(listed)!["CredentialId"]!.GetValue<string>());
        Assert.Equal("localhost", listed[0]!["RelyingPartyId"]!.GetValue<string>());
        var factors = await Raw.CallAsync("GetUserAuthFactors", new JsonObject { ["AccessToken"] = accessToken });
        Assert.Contains("WEB_AUTHN", factors["ConfiguredUserAuthFactors"]!.AsArray().Select(f => f!.GetValue<string>()));

        var challenge = await PasskeyChallengeAsync(pool, username);
        var options = JsonNode.Parse(challenge["ChallengeParameters"]!["CREDENTIAL_REQUEST_OPTIONS"]!.GetValue<string>())!;
        Assert.Equal(authenticator.Id, options["allowCredentials"]![0]!["id"]!.GetValue<string>());
        var tokens = await AnswerAsync(pool, challenge, authenticator.Assert(Options(challenge)));
        Assert.NotNull(tokens["AuthenticationResult"]?["AccessToken"]);

        await Raw.CallAsync("DeleteWebAuthnCredential", new JsonObject { ["AccessToken"] = accessToken, ["CredentialId"] = authenticator.Id });
        Assert.Empty((await Raw.CallAsync("ListWebAuthnCredentials", new JsonObject { ["AccessToken"] = accessToken }))["Credentials"]!.AsArray());
        Assert.Equal("ResourceNotFoundException", (await Raw.FailsAsync("DeleteWebAuthnCredential", new JsonObject { ["AccessToken"] = accessToken, ["CredentialId"] = authenticator.Id })).Type);
    }

    [Fact]
    public async Task A_bad_registration_is_refused_with_cognitos_webauthn_errors()
    {
        var (_, _, accessToken) = await SignedInUserAsync();
        using var authenticator = new SoftwareAuthenticator();
        var cases = new (string Expected, Func<JsonObject, JsonObject> Bend)[]
        {
            ("WebAuthnOriginNotAllowedException", options => authenticator.Register(options, origin: "https://evil.example")),
            ("WebAuthnOriginNotAllowedException", options => authenticator.Register(options, origin: "http://localhost.evil.example")),
            ("WebAuthnRelyingPartyMismatchException", options => authenticator.Register(options, rpId: "evil.example")),
            ("WebAuthnChallengeNotFoundException", options => authenticator.Register(options, challenge: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")),
            ("InvalidParameterException", options => authenticator.Register(options, type: "webauthn.get")),
            ("WebAuthnCredentialNotSupportedException", options => authenticator.Register(options, format: "fido-u2f")),
        };
        foreach (var (expected, bend) in cases)
        {
            var options = (await Raw.CallAsync("StartWebAuthnRegistration", new JsonObject { ["AccessToken"] = accessToken }))["CredentialCreationOptions"]!.AsObject();
            var refused = await Raw.FailsAsync("CompleteWebAuthnRegistration", new JsonObject { ["AccessToken"] = accessToken, ["Credential"] = bend(options) });
            Assert.True(expected == refused.Type, $"{expected} expected, got {refused.Type}: {refused.ErrorMessage}");
        }

        // The challenge answers once: a second completion finds none.
        var fresh = (await Raw.CallAsync("StartWebAuthnRegistration", new JsonObject { ["AccessToken"] = accessToken }))["CredentialCreationOptions"]!.AsObject();
        var good = authenticator.Register(fresh);
        await Raw.CallAsync("CompleteWebAuthnRegistration", new JsonObject { ["AccessToken"] = accessToken, ["Credential"] = good });
        Assert.Equal("WebAuthnChallengeNotFoundException", (await Raw.FailsAsync("CompleteWebAuthnRegistration", new JsonObject { ["AccessToken"] = accessToken, ["Credential"] = good.DeepClone() })).Type);
        Assert.Single((await Raw.CallAsync("ListWebAuthnCredentials", new JsonObject { ["AccessToken"] = accessToken }))["Credentials"]!.AsArray());
    }

    [Fact]
    public async Task Replayed_altered_misdirected_and_foreign_assertions_are_refused()
    {
        var (pool, username, accessToken) = await SignedInUserAsync();
        using var authenticator = new SoftwareAuthenticator();
        await RegisterAsync(accessToken, authenticator, "none");

        // A replay: the same assertion on a new challenge, and the same one on its own used session.
        var first = await PasskeyChallengeAsync(pool, username);
        var assertion = authenticator.Assert(Options(first));
        await AnswerAsync(pool, first, assertion);
        Assert.Equal("NotAuthorizedException", (await Raw.FailsAsync("RespondToAuthChallenge", AnswerRequest(pool, first, assertion))).Type);
        var second = await PasskeyChallengeAsync(pool, username);
        Assert.Equal("NotAuthorizedException", (await Raw.FailsAsync("RespondToAuthChallenge", AnswerRequest(pool, second, assertion))).Type);

        var bent = new (string Reason, Func<string, JsonObject> Bend)[]
        {
            ("clientDataJSON.origin", options => authenticator.Assert(options, origin: "https://evil.example")),
            ("rpIdHash", options => authenticator.Assert(options, rpId: "evil.example")),
            ("clientDataJSON.type", options => authenticator.Assert(options, type: "webauthn.create")),
            ("UP flag", options => authenticator.Assert(options, flags: 0x04)),
            ("signature does not verify", options => authenticator.Assert(options, bendClientData: data => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(data).Replace("\"crossOrigin\":false", "\"crossOrigin\":false,\"x\":1", StringComparison.Ordinal)))),
        };
        foreach (var (reason, bend) in bent)
        {
            var challenge = await PasskeyChallengeAsync(pool, username);
            Assert.Equal("NotAuthorizedException", (await Raw.FailsAsync("RespondToAuthChallenge", AnswerRequest(pool, challenge, bend(Options(challenge))))).Type);
            Assert.Contains(reason, fixture.Front.Rejections[^1], StringComparison.Ordinal);
        }

        // Another authenticator, not registered to this user, is refused.
        using var stranger = new SoftwareAuthenticator();
        var third = await PasskeyChallengeAsync(pool, username);
        Assert.Equal("NotAuthorizedException", (await Raw.FailsAsync("RespondToAuthChallenge", AnswerRequest(pool, third, stranger.Assert(Options(third))))).Type);

        // The real authenticator still signs in; then a counter that does not move (a clone) is refused.
        var last = await PasskeyChallengeAsync(pool, username);
        Assert.NotNull((await AnswerAsync(pool, last, authenticator.Assert(Options(last))))["AuthenticationResult"]?["AccessToken"]);
        authenticator.CounterStep = 0;
        var cloned = await PasskeyChallengeAsync(pool, username);
        Assert.Equal("NotAuthorizedException", (await Raw.FailsAsync("RespondToAuthChallenge", AnswerRequest(pool, cloned, authenticator.Assert(Options(cloned))))).Type);
        Assert.Contains(fixture.Front.Rejections, r => r.Contains("signature counter", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_expired_webauthn_challenge_is_refused()
    {
        // A front of its own with a clock the test moves; it learns the password and the relying party from calls through it.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var front = await SrpFront.SrpFront.StartAsync(fixture.Server, new SrpFrontOptions { TimeProvider = clock });
        var raw = new RawCognito(fixture.Http, front.Url);
        var pool = await fixture.CreatePoolAsync();
        var username = await fixture.CreateUserAsync(pool);
        await raw.CallAsync("AdminSetUserPassword", new JsonObject { ["UserPoolId"] = pool.UserPoolId, ["Username"] = username, ["Password"] = CognitoLocalFixture.DefaultPassword, ["Permanent"] = true });
        await raw.CallAsync("SetUserPoolMfaConfig", new JsonObject { ["UserPoolId"] = pool.UserPoolId, ["MfaConfiguration"] = "OFF", ["WebAuthnConfiguration"] = new JsonObject { ["RelyingPartyId"] = "localhost" } });
        var accessToken = (await new SrpLogin(raw, pool).LoginAsync(username))["AuthenticationResult"]!["AccessToken"]!.GetValue<string>();
        using var authenticator = new SoftwareAuthenticator();
        var options = (await raw.CallAsync("StartWebAuthnRegistration", new JsonObject { ["AccessToken"] = accessToken }))["CredentialCreationOptions"]!.AsObject();
        await raw.CallAsync("CompleteWebAuthnRegistration", new JsonObject { ["AccessToken"] = accessToken, ["Credential"] = authenticator.Register(options) });

        var challenge = await raw.CallAsync("InitiateAuth", UserAuthTests.Start(pool, username, new JsonObject { ["PREFERRED_CHALLENGE"] = "WEB_AUTHN" }));
        clock.Advance(front.Options.SessionLifetime + TimeSpan.FromSeconds(1));
        Assert.Equal("NotAuthorizedException", (await raw.FailsAsync("RespondToAuthChallenge", AnswerRequest(pool, challenge, authenticator.Assert(Options(challenge))))).Type);
        Assert.Contains(front.Rejections, r => r.Contains("WEB_AUTHN answered with an unknown, used or expired session", StringComparison.Ordinal));
    }

    private async Task<(TestPool Pool, string Username, string AccessToken)> SignedInUserAsync()
    {
        var pool = await fixture.CreatePoolAsync();
        var username = await fixture.CreateUserAsync(pool);
        var result = (await new SrpLogin(Raw, pool).LoginAsync(username))["AuthenticationResult"]!;
        return (pool, username, result["AccessToken"]!.GetValue<string>());
    }

    private async Task RegisterAsync(string accessToken, SoftwareAuthenticator authenticator, string format)
    {
        var options = (await Raw.CallAsync("StartWebAuthnRegistration", new JsonObject { ["AccessToken"] = accessToken }))["CredentialCreationOptions"]!.AsObject();
        Assert.Equal("localhost", options["rp"]!["id"]!.GetValue<string>());
        await Raw.CallAsync("CompleteWebAuthnRegistration", new JsonObject { ["AccessToken"] = accessToken, ["Credential"] = authenticator.Register(options, format: format) });
    }

    private async Task<JsonObject> PasskeyChallengeAsync(TestPool pool, string username)
    {
        var challenge = await Raw.CallAsync("InitiateAuth", UserAuthTests.Start(pool, username, new JsonObject { ["PREFERRED_CHALLENGE"] = "WEB_AUTHN" }));
        Assert.Equal("WEB_AUTHN", challenge["ChallengeName"]!.GetValue<string>());
        return challenge;
    }

    private static string Options(JsonObject challenge) => challenge["ChallengeParameters"]!["CREDENTIAL_REQUEST_OPTIONS"]!.GetValue<string>();

    private Task<JsonObject> AnswerAsync(TestPool pool, JsonObject challenge, JsonObject assertion) => Raw.CallAsync("RespondToAuthChallenge", AnswerRequest(pool, challenge, assertion));

    private static JsonObject AnswerRequest(TestPool pool, JsonObject challenge, JsonObject assertion) =>
        UserAuthTests.Answer(pool, "WEB_AUTHN", challenge, new JsonObject { ["USERNAME"] = challenge["ChallengeParameters"]?["USERNAME"]?.GetValue<string>() ?? string.Empty, ["CREDENTIAL"] = assertion.ToJsonString() });
}
