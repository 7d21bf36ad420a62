using Cognito.Testing.CognitoLocal;
using OpenQA.Selenium;

namespace Cognito.EndToEnd.Tests.Browser;

/// <summary>What an attacker does with cookies and forms in a real browser against the sample; nothing gets in.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class CookieSecurityBrowserTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task A_cookie_replayed_after_sign_out_is_not_signed_in()
    {
        var (web, user) = (await fixture.SampleWebAsync(), await fixture.CreateUserAsync(fixture.Pool));
        using var browser = Chromium.Open(web.Url, nameof(A_cookie_replayed_after_sign_out_is_not_signed_in), "browser");
        browser.SignIn(user, CognitoLocalFixture.DefaultPassword);
        var cookie = browser.Cookie(SampleCookies.SessionCookie) ?? throw new InvalidOperationException("No session cookie after sign-in.");
        browser.SignedInAs();
        browser.SignOut();
        Assert.Null(browser.Cookie(SampleCookies.SessionCookie));

        browser.ReplaceCookie(cookie);
        browser.Go("/Account/Profile");
        browser.Screenshot("replayed-cookie");
        Assert.True(browser.PathNow == "/Account/SignIn", browser.Describe());
        Assert.Null(browser.SignedInAs());
    }

    [Fact]
    public async Task An_altered_cookie_is_just_not_signed_in_and_the_genuine_one_still_works()
    {
        var (web, user) = (await fixture.SampleWebAsync(), await fixture.CreateUserAsync(fixture.Pool));
        using var browser = Chromium.Open(web.Url, nameof(An_altered_cookie_is_just_not_signed_in_and_the_genuine_one_still_works), "browser");
        browser.SignIn(user, CognitoLocalFixture.DefaultPassword);
        var cookie = browser.Cookie(SampleCookies.SessionCookie)!;
        var middle = cookie.Value.Length / 2;
        var altered = cookie.Value[..middle] + (cookie.Value[middle] == 'A' ? 'B' : 'A') + cookie.Value[(middle + 1)..];

        browser.ReplaceCookie(Like(cookie, altered));
        browser.Go("/Account/Profile");
        browser.Screenshot("altered-cookie");
        Assert.True(browser.PathNow == "/Account/SignIn", browser.Describe());

        browser.ReplaceCookie(cookie);
        Assert.Equal(user, browser.SignedInAs());
    }

    [Fact]
    public async Task Posts_without_the_antiforgery_token_are_refused_and_change_nothing()
    {
        var (web, user) = (await fixture.SampleWebAsync(), await fixture.CreateUserAsync(fixture.Pool));
        using var browser = Chromium.Open(web.Url, nameof(Posts_without_the_antiforgery_token_are_refused_and_change_nothing), "browser");
        browser.SignIn(user, CognitoLocalFixture.DefaultPassword);

        browser.Go("/Account/Profile");
        browser.Fill("given-name", "Mallory");
        WithoutAntiforgeryToken(browser);
        browser.Submit("save-profile");
        browser.Screenshot("profile-post-refused");
        Assert.Equal(400L, NavigationStatus(browser));
        browser.Go("/Account/Profile");
        Assert.Empty(browser.Driver.FindElements(By.CssSelector("td[data-attribute='given_name']")));

        browser.Go("/Account/Sessions");
        WithoutAntiforgeryToken(browser);
        browser.Submit("sign-out-everywhere");
        Assert.Equal(400L, NavigationStatus(browser));
        Assert.Equal(user, browser.SignedInAs());

        var status = ((IJavaScriptExecutor)browser.Driver).ExecuteAsyncScript(
            "const done = arguments[arguments.length - 1]; fetch('/api/token', { method: 'POST' }).then(r => done(r.status));");
        Assert.Equal(400L, status);
    }

    [Fact]
    public async Task Another_users_session_id_in_a_cookie_of_your_own_opens_nothing()
    {
        var web = await fixture.SampleWebAsync();
        var (alice, mallory) = (await fixture.CreateUserAsync(fixture.Pool), await fixture.CreateUserAsync(fixture.Pool));
        using var aliceBrowser = Chromium.Open(web.Url, nameof(Another_users_session_id_in_a_cookie_of_your_own_opens_nothing), "alice");
        using var malloryBrowser = Chromium.Open(web.Url, nameof(Another_users_session_id_in_a_cookie_of_your_own_opens_nothing), "mallory");
        aliceBrowser.SignIn(alice, CognitoLocalFixture.DefaultPassword);
        malloryBrowser.SignIn(mallory, CognitoLocalFixture.DefaultPassword);
        var cookies = new SampleCookies(web.KeysDirectory);
        var aliceSession = cookies.SessionIdOf(aliceBrowser.Cookie(SampleCookies.SessionCookie)!.Value);
        var own = malloryBrowser.Cookie(SampleCookies.SessionCookie)!;

        // The minting is sound: Mallory's own reference, minted afresh, is signed in.
        malloryBrowser.ReplaceCookie(Like(own, cookies.WithReference(own.Value, cookies.SessionIdOf(own.Value), mallory)));
        Assert.Equal(mallory, malloryBrowser.SignedInAs());

        malloryBrowser.ReplaceCookie(Like(own, cookies.WithReference(own.Value, aliceSession, mallory)));
        malloryBrowser.Go("/Account/Profile");
        malloryBrowser.Screenshot("alices-session-under-mallory");
        Assert.True(malloryBrowser.PathNow == "/Account/SignIn", malloryBrowser.Describe());
        Assert.Equal(alice, aliceBrowser.SignedInAs());
    }

    private static Cookie Like(Cookie cookie, string value) =>
        new(cookie.Name, value, cookie.Domain, cookie.Path, cookie.Expiry, cookie.Secure, cookie.IsHttpOnly, cookie.SameSite);

    private static void WithoutAntiforgeryToken(Chromium browser) =>
        ((IJavaScriptExecutor)browser.Driver).ExecuteScript("document.querySelectorAll('input[name=\"__RequestVerificationToken\"]').forEach(i => i.remove());");

    private static object? NavigationStatus(Chromium browser) =>
        ((IJavaScriptExecutor)browser.Driver).ExecuteScript("return performance.getEntriesByType('navigation')[0].responseStatus;");
}
