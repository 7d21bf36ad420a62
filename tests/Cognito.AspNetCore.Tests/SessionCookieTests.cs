using System.Buffers.Text;
using System.Security.Cryptography;
using System.Net;
using Cognito.AspNetCore.Sessions;
using Cognito.Client;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cognito.AspNetCore.Tests;

[Collection(FrontEndCollection.Name)]
public sealed class SessionCookieTests(FrontEndFixture fixture)
{
    [Fact]
    public async Task A_sign_in_issues_a_small_protected_cookie_and_the_principal_comes_from_the_sessions_id_token()
    {
        await using var front = await TestFrontEnd.StartAsync(fixture);
        var username = await fixture.NewUserAsync();
        var browser = new TestBrowser(front);

        var signIn = await browser.SignInAsync(username);
        Assert.Equal("SignedIn", await signIn.Content.ReadAsStringAsync());
        var header = string.Join("\n", signIn.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", header, StringComparison.OrdinalIgnoreCase);
        // An ID token alone is longer than this: the cookie can only hold the protected reference.
        Assert.InRange(browser.SessionCookie!.Length, 1, 700);

        var whoami = await browser.GetAsync("/whoami");
        Assert.Equal(HttpStatusCode.OK, whoami.StatusCode);
        Assert.StartsWith(username + " ", await whoami.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var sessions = await fixture.Grains.GetCognitoUser("main", username).ListSessionsAsync();
        Assert.Equal("TestBrowser/1.0", Assert.Single(sessions).UserAgent);
    }

    [Fact]
    public async Task A_wrong_password_is_Cognitos_error_and_no_cookie()
    {
        await using var front = await TestFrontEnd.StartAsync(fixture);
        var browser = new TestBrowser(front);
        var username = await fixture.NewUserAsync();
        await Assert.ThrowsAsync<Cognito.IdentityProvider.Errors.NotAuthorizedException>(() => browser.SignInAsync(username, "Wrong-Passw0rd!"));
        Assert.Null(browser.SessionCookie);
    }

    [Fact]
    public async Task An_altered_cookie_or_a_post_without_the_antiforgery_token_gets_nothing()
    {
        await using var front = await TestFrontEnd.StartAsync(fixture);
        var browser = new TestBrowser(front);
        await browser.SignInAsync(await fixture.NewUserAsync());
        var cookie = browser.SessionCookie!;

        browser.Cookies[CognitoCookieDefaults.CookieName] = cookie[..^3] + (cookie.EndsWith("AAA", StringComparison.Ordinal) ? "BBB" : "AAA");
        Assert.Equal(HttpStatusCode.Unauthorized, await browser.WhoAmIAsync());

        browser.Cookies[CognitoCookieDefaults.CookieName] = cookie;
        var noToken = await browser.PostAsync("/signout", new() { ["everywhere"] = "false" }, withAntiforgery: false);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await browser.WhoAmIAsync());
    }

    [Fact]
    public async Task A_cookie_replayed_after_sign_out_is_not_signed_in()
    {
        await using var front = await TestFrontEnd.StartAsync(fixture);
        var browser = new TestBrowser(front);
        await browser.SignInAsync(await fixture.NewUserAsync());
        var captured = browser.SessionCookie!;

        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsync("/signout", new() { ["everywhere"] = "false" })).StatusCode);
        Assert.Null(browser.SessionCookie);

        var attacker = new TestBrowser(front);
        attacker.Cookies[CognitoCookieDefaults.CookieName] = captured;
        Assert.Equal(HttpStatusCode.Unauthorized, await attacker.WhoAmIAsync());
    }

    [Fact]
    public async Task Two_devices_end_the_first_from_the_second_and_the_second_keeps_working_on_another_front_end()
    {
        await using var first = await TestFrontEnd.StartAsync(fixture);
        await using var second = await TestFrontEnd.StartAsync(fixture);
        var username = await fixture.NewUserAsync();
        var laptop = new TestBrowser(first);
        var phone = new TestBrowser(second);
        await laptop.SignInAsync(username);
        await phone.SignInAsync(username);
        var laptopHandle = (await (await laptop.GetAsync("/whoami")).Content.ReadAsStringAsync()).Split(' ')[1];

        await fixture.Grains.GetCognitoUser("main", username).EndSessionAsync(laptopHandle);

        Assert.Equal(HttpStatusCode.Unauthorized, await laptop.WhoAmIAsync());
        Assert.Equal(HttpStatusCode.OK, await phone.WhoAmIAsync());
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_the_users_other_browsers()
    {
        await using var front = await TestFrontEnd.StartAsync(fixture);
        var username = await fixture.NewUserAsync();
        var laptop = new TestBrowser(front);
        var phone = new TestBrowser(front);
        await laptop.SignInAsync(username);
        await phone.SignInAsync(username);

        var signOut = await phone.PostAsync("/signout", new() { ["everywhere"] = "true" });
        Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);
        var sessionsLeft = await fixture.Grains.GetCognitoUser("main", username).ListSessionsAsync();

        Assert.True(await laptop.WhoAmIAsync() == HttpStatusCode.Unauthorized, $"The laptop is still signed in; the user's key lists {sessionsLeft.Count} session(s).");
        Assert.Equal(HttpStatusCode.Unauthorized, await phone.WhoAmIAsync());
    }

    [Fact]
    public async Task Sign_out_everywhere_reaches_the_other_browsers_even_when_this_requests_id_token_cannot_be_verified()
    {
        await using var front = await TestFrontEnd.StartAsync(fixture);
        // This front end knows none of the pool's signing keys: no ID token verifies, as in a JWKS outage.
        using var stranger = RSA.Create(2048);
        var key = stranger.ExportParameters(includePrivateParameters: false);
        var jwks = $$"""{"keys":[{"kty":"RSA","kid":"not-the-pools","alg":"RS256","use":"sig","n":"{{Base64Url.EncodeToString(key.Modulus)}}","e":"{{Base64Url.EncodeToString(key.Exponent)}}"}]}""";
        await using var blind = await TestFrontEnd.StartAsync(fixture, verifier => verifier.Jwks = jwks);
        var username = await fixture.NewUserAsync();
        var laptop = new TestBrowser(front);
        var phone = new TestBrowser(blind);
        await laptop.SignInAsync(username);
        await phone.SignInAsync(username);
        Assert.Equal(HttpStatusCode.Unauthorized, await phone.WhoAmIAsync());

        var signOut = await phone.PostAsync("/signout", new() { ["everywhere"] = "true" });
        Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await laptop.WhoAmIAsync());
        Assert.Empty(await fixture.Grains.GetCognitoUser("main", username).ListSessionsAsync());
    }

    [Fact]
    public async Task Another_users_session_id_under_your_own_username_opens_nothing_and_a_renewal_cannot_switch_users()
    {
        await using var front = await TestFrontEnd.StartAsync(fixture);
        var (alice, bob) = (await fixture.NewUserAsync(), await fixture.NewUserAsync());
        var (aliceSessionId, _) = await fixture.SignInAsync(alice);
        var (bobSessionId, _) = await fixture.SignInAsync(bob);
        var store = front.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CognitoCookieDefaults.AuthenticationScheme).SessionStore!;

        Assert.Null(await store.RetrieveAsync(new CognitoSessionReference(bob, aliceSessionId).Key));
        Assert.Null(await store.RetrieveAsync("not a reference"));
        var bobs = await store.RetrieveAsync(new CognitoSessionReference(bob, bobSessionId).Key);
        Assert.Equal(bob, bobs!.Principal.Identity!.Name);

        var aliceKey = new CognitoSessionReference(alice, aliceSessionId).Key;
        await store.RenewAsync(aliceKey, bobs);
        Assert.Equal(alice, (await store.RetrieveAsync(aliceKey))!.Principal.Identity!.Name);
    }

    [Fact]
    public async Task A_sign_in_over_a_live_cookie_gets_a_new_session_and_ends_the_earlier_one()
    {
        await using var front = await TestFrontEnd.StartAsync(fixture);
        var (alice, bob) = (await fixture.NewUserAsync(), await fixture.NewUserAsync());
        var browser = new TestBrowser(front);
        await browser.SignInAsync(alice);
        var alicesCookie = browser.SessionCookie!;

        await browser.SignInAsync(alice);
        Assert.NotEqual(alicesCookie, browser.SessionCookie);
        Assert.Single(await fixture.Grains.GetCognitoUser("main", alice).ListSessionsAsync());

        await browser.SignInAsync(bob);
        var whoami = await browser.GetAsync("/whoami");
        Assert.StartsWith(bob + " ", await whoami.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await fixture.Grains.GetCognitoUser("main", alice).ListSessionsAsync());

        var replay = new TestBrowser(front);
        replay.Cookies[CognitoCookieDefaults.CookieName] = alicesCookie;
        Assert.Equal(HttpStatusCode.Unauthorized, await replay.WhoAmIAsync());
    }

    [Fact]
    public async Task Outgoing_calls_carry_the_access_token_and_a_401_refreshes_once_and_retries_once()
    {
        await using var front = await TestFrontEnd.StartAsync(fixture);
        var browser = new TestBrowser(front);
        await browser.SignInAsync(await fixture.NewUserAsync());
        front.Downstream.RefuseFirst = true;

        var response = await browser.GetAsync("/call-api");

        Assert.Equal("data", await response.Content.ReadAsStringAsync());
        var tokens = front.Downstream.Tokens;
        Assert.Equal(2, tokens.Count);
        Assert.All(tokens, t => Assert.False(string.IsNullOrEmpty(t)));
        Assert.NotEqual(tokens[0], tokens[1]);
    }
}
