using Cognito.Testing.CognitoLocal;
using OpenQA.Selenium;
using OpenQA.Selenium.VirtualAuth;

namespace Cognito.EndToEnd.Tests.Browser;

/// <summary>
/// The sample's passkey pages in headless Chromium with its virtual authenticator: a signed-in user
/// adds a passkey on the profile page, signs out, and signs in with the passkey alone (USER_AUTH,
/// WEB_AUTHN) through the grains; a user without one is told so.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SamplePasskeyBrowserTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task A_user_adds_a_passkey_on_the_profile_signs_in_with_it_and_deletes_it()
    {
        var web = await fixture.SampleWebAsync();
        var username = await fixture.CreateUserAsync(fixture.Pool);
        var withoutPasskey = await fixture.CreateUserAsync(fixture.Pool);
        using var browser = Chromium.Open(web.Url, nameof(SamplePasskeyBrowserTests), "passkey");
        browser.Go("/");
        var authenticator = ((WebDriver)browser.Driver).AddVirtualAuthenticator(new VirtualAuthenticatorOptions()
            .SetProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
            .SetTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
            .SetHasResidentKey(true)
            .SetHasUserVerification(true)
            .SetIsUserVerified(true));
        Assert.NotNull(authenticator);

        browser.SignIn(username, CognitoLocalFixture.DefaultPassword);
        Assert.True(browser.SignedInAs() == username, browser.Describe());
        browser.Go("/Account/Profile");
        Assert.True(browser.Has("no-passkeys"), browser.Describe());
        browser.Press("add-passkey");
        Assert.True(browser.Until(_ => Settled(browser, "notice")), browser.Describe());
        browser.Screenshot("passkey-added");
        Assert.True(browser.Has("passkeys"), browser.Describe() + " | " + string.Join(" | ", fixture.Front.Rejections.TakeLast(3)));
        Assert.Single(browser.Find("passkeys").FindElements(By.CssSelector("li[data-credential]")));
        browser.SignOut();

        browser.Go("/Account/SignIn");
        browser.Fill("passkey-username", username);
        browser.Submit("sign-in-passkey");
        Assert.True(browser.PathNow == "/Account/Challenge", browser.Describe());
        browser.Screenshot("passkey-challenge");
        browser.Press("use-passkey");
        Assert.True(browser.Until(_ => Settled(browser, "greeting")), browser.Describe());
        Assert.True(browser.PathNow == "/", browser.Describe() + " | " + string.Join(" | ", fixture.Front.Rejections.TakeLast(3)));
        Assert.Equal(username, browser.SignedInAs());
        browser.Screenshot("signed-in-with-passkey");

        browser.Go("/Account/Profile");
        browser.Submit(browser.Find("passkeys").FindElement(By.CssSelector("button.delete-passkey")));
        Assert.True(browser.Has("no-passkeys"), browser.Describe());
        browser.SignOut();

        browser.Go("/Account/SignIn");
        browser.Fill("passkey-username", withoutPasskey);
        browser.Submit("sign-in-passkey");
        Assert.True(browser.PathNow == "/Account/SignIn", browser.Describe());
        Assert.Contains("no passkey yet", browser.Errors, StringComparison.Ordinal);
        Assert.Null(browser.SignedInAs());
    }

    // The page's script answers asynchronously and then navigates: done when the next page shows
    // <paramref name="nextPageElement"/> or the script reported a failure.
    private static bool Settled(Chromium browser, string nextPageElement) =>
        ((IJavaScriptExecutor)browser.Driver).ExecuteScript(
            "const e = document.getElementById('passkey-error'); return document.readyState === 'complete' && (document.getElementById(arguments[0]) !== null || (e !== null && !e.hidden));",
            nextPageElement) is true;
}
