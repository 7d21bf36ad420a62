using System.Text.Json;
using Cognito.IdentityProvider.Model;
using Cognito.Testing.CognitoLocal;
using OpenQA.Selenium;
using OpenQA.Selenium.VirtualAuth;

namespace Cognito.EndToEnd.Tests.Browser;

/// <summary>
/// Chromium's own WebAuthn (a virtual CTAP2 authenticator, through the browser's
/// navigator.credentials) registers a passkey with the front and signs in with it: the front's
/// verification is trusted because a real browser's credentials pass it.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class VirtualAuthenticatorTests(EndToEndFixture fixture)
{
    private const string Create = """
        const done = arguments[arguments.length - 1];
        navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(JSON.parse(arguments[0])) })
          .then(c => done(JSON.stringify(c.toJSON())), e => done('ERROR ' + e));
        """;

    private const string Get = """
        const done = arguments[arguments.length - 1];
        navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(JSON.parse(arguments[0])) })
          .then(c => done(JSON.stringify(c.toJSON())), e => done('ERROR ' + e));
        """;

    [Fact]
    public async Task Chromiums_virtual_authenticator_registers_a_passkey_and_signs_in_with_it()
    {
        var pool = await fixture.CreatePoolAsync();
        var username = await fixture.CreateUserAsync(pool);
        var cognito = fixture.CreateClient();
        var password = await cognito.InitiateAuthAsync(new InitiateAuthRequest
        {
            AuthFlow = "USER_AUTH",
            ClientId = pool.ClientId,
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = username, ["PREFERRED_CHALLENGE"] = "PASSWORD", ["PASSWORD"] = CognitoLocalFixture.DefaultPassword },
        });
        var accessToken = password.AuthenticationResult!.AccessToken!;

        // A page of http://localhost (a secure context on the relying party's domain): the front's own address.
        using var browser = Chromium.Open(new Uri($"http://localhost:{fixture.Front.Url.Port}/"), nameof(VirtualAuthenticatorTests), "passkey");
        browser.Go("/");
        var driver = (WebDriver)browser.Driver;
        driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(30);
        driver.AddVirtualAuthenticator(new VirtualAuthenticatorOptions()
            .SetProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
            .SetTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
            .SetHasResidentKey(true)
            .SetHasUserVerification(true)
            .SetIsUserVerified(true));

        var started = await cognito.StartWebAuthnRegistrationAsync(new StartWebAuthnRegistrationRequest { AccessToken = accessToken });
        var created = driver.ExecuteAsyncScript(Create, started.CredentialCreationOptions.GetRawText()) as string ?? "ERROR no answer";
        Assert.False(created.StartsWith("ERROR", StringComparison.Ordinal), created);
        using var credential = JsonDocument.Parse(created);
        await cognito.CompleteWebAuthnRegistrationAsync(new CompleteWebAuthnRegistrationRequest { AccessToken = accessToken, Credential = credential.RootElement });

        var challenge = await cognito.InitiateAuthAsync(new InitiateAuthRequest
        {
            AuthFlow = "USER_AUTH",
            ClientId = pool.ClientId,
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = username, ["PREFERRED_CHALLENGE"] = "WEB_AUTHN" },
        });
        Assert.Equal("WEB_AUTHN", challenge.ChallengeName);
        var assertion = driver.ExecuteAsyncScript(Get, challenge.ChallengeParameters!["CREDENTIAL_REQUEST_OPTIONS"]) as string ?? "ERROR no answer";
        Assert.False(assertion.StartsWith("ERROR", StringComparison.Ordinal), assertion);
        var signedIn = await cognito.RespondToAuthChallengeAsync(new RespondToAuthChallengeRequest
        {
            ChallengeName = "WEB_AUTHN",
            ClientId = pool.ClientId,
            Session = challenge.Session,
            ChallengeResponses = new Dictionary<string, string> { ["USERNAME"] = username, ["CREDENTIAL"] = assertion },
        });
        Assert.False(string.IsNullOrEmpty(signedIn.AuthenticationResult?.AccessToken), string.Join(" | ", fixture.Front.Rejections.TakeLast(3)));

        // The same assertion again (a replay) is refused.
        var replay = await Assert.ThrowsAsync<Cognito.IdentityProvider.Errors.NotAuthorizedException>(() => cognito.RespondToAuthChallengeAsync(new RespondToAuthChallengeRequest
        {
            ChallengeName = "WEB_AUTHN",
            ClientId = pool.ClientId,
            Session = challenge.Session,
            ChallengeResponses = new Dictionary<string, string> { ["USERNAME"] = username, ["CREDENTIAL"] = assertion },
        }));
        Assert.NotNull(replay);
    }
}
