using Cognito.Testing.CognitoLocal;
using Cognito.Testing.Tools;
using OpenQA.Selenium;

namespace Cognito.EndToEnd.Tests.Browser;

/// <summary>What a new user does in the sample, page by page, in headless Chromium against the silo and the local Cognito.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class SampleFlowBrowserTests(EndToEndFixture fixture)
{
    private const string Test = nameof(Sign_up_confirm_sign_in_call_the_api_edit_the_profile_change_and_reset_the_password_turn_on_an_authenticator_and_remember_and_forget_the_device);

    [Fact]
    public async Task Sign_up_confirm_sign_in_call_the_api_edit_the_profile_change_and_reset_the_password_turn_on_an_authenticator_and_remember_and_forget_the_device()
    {
        var web = await fixture.SampleWebAsync();
        var user = fixture.UniqueName("web");
        var (first, second, third) = ("First-Passw0rd!", "Second-Passw0rd!", "Third-Passw0rd!");
        using var browser = Chromium.Open(web.Url, Test, "browser");

        browser.Go("/Account/SignUp");
        browser.Fill("username", user);
        browser.Fill("email", $"{user}@example.com");
        browser.Fill("given-name", "Ada");
        browser.Fill("family-name", "Lovelace");
        browser.Fill("password", first);
        browser.Screenshot("sign-up");
        browser.Submit("sign-up");
        Assert.True(browser.PathNow == "/Account/Confirm", browser.Describe());
        Assert.Equal(user, browser.Find("username").GetDomProperty("value"));
        browser.Fill("code", CognitoLocalServer.Code);
        browser.Screenshot("confirm");
        browser.Submit("confirm");
        Assert.True(browser.PathNow == "/Account/SignIn", browser.Describe());

        browser.SignIn(user, first);
        Assert.True(browser.SignedInAs() == user, browser.Describe());
        Assert.Contains($"{user}@example.com", browser.Text("greeting"), StringComparison.Ordinal);
        var api = browser.CallApi();
        browser.Screenshot("home-and-api");
        Assert.True(api.StartsWith("API says", StringComparison.Ordinal) && api.Contains(user, StringComparison.Ordinal), api);

        browser.Go("/Account/Profile");
        Assert.Equal("Ada", Attribute(browser, "given_name"));
        browser.Fill("given-name", "Augusta");
        browser.Submit("save-profile");
        browser.Screenshot("profile-saved");
        Assert.True(Attribute(browser, "given_name") == "Augusta", browser.Describe());

        browser.Go("/Account/ChangePassword");
        browser.Fill("current-password", first);
        browser.Fill("new-password", second);
        browser.Submit("change-password");
        browser.Screenshot("password-changed");
        Assert.Contains("password is changed", browser.Text("notice"), StringComparison.Ordinal);
        browser.SignOut();
        browser.SignIn(user, first);
        browser.Screenshot("old-password-refused");
        Assert.True(browser.Errors.Contains("NotAuthorizedException", StringComparison.Ordinal), browser.Describe());

        browser.Go("/Account/ForgotPassword");
        browser.Fill("username", user);
        browser.Submit("send-code");
        browser.Fill("code", CognitoLocalServer.Code);
        browser.Fill("new-password", third);
        browser.Screenshot("reset-password");
        browser.Submit("reset-password");
        Assert.True(browser.PathNow == "/Account/SignIn", browser.Describe());
        browser.SignIn(user, second);
        Assert.True(browser.Errors.Contains("NotAuthorizedException", StringComparison.Ordinal), browser.Describe());
        browser.SignIn(user, third);
        Assert.True(browser.SignedInAs() == user, browser.Describe());

        browser.Go("/Account/Mfa");
        browser.Submit("start-totp");
        var secret = browser.Text("totp-secret");
        Assert.True(browser.Until(d => (bool)((IJavaScriptExecutor)d).ExecuteScript("const i = document.getElementById('totp-qr'); return i.complete && i.naturalWidth > 0;")!), "The QR code did not load.");
        browser.Screenshot("authenticator-qr");
        browser.Fill("code", Totp.Code(secret));
        browser.Submit("verify-totp");
        Assert.True(browser.Text("profile-mfa") == "SOFTWARE_TOKEN_MFA", browser.Describe());
        browser.SignOut();

        browser.SignIn(user, third);
        Assert.True(browser.PathNow == "/Account/Challenge", browser.Describe());
        browser.Fill("code", Totp.Code(secret));
        browser.Press("remember-device");
        browser.Screenshot("authenticator-code");
        browser.Submit("continue");
        Assert.True(browser.SignedInAs() == user, browser.Describe());
        browser.Go("/Account/Profile");
        browser.Screenshot("device-remembered");
        Assert.True(browser.Text("devices").Contains("(remembered)", StringComparison.Ordinal), browser.Describe());

        // A remembered device proves itself at the next sign-in, and Cognito asks it for no MFA code.
        browser.SignOut();
        browser.SignIn(user, third);
        browser.Screenshot("remembered-device-skips-mfa");
        Assert.True(browser.PathNow == "/", browser.Describe());
        Assert.Equal(user, browser.SignedInAs());

        // Forgetting this browser: Cognito forgets the device, and the next sign-in asks for the code again.
        browser.Go("/Account/Profile");
        browser.Submit("forget-device");
        browser.Screenshot("device-forgotten");
        Assert.Contains("forgotten", browser.Text("notice"), StringComparison.Ordinal);
        Assert.False(browser.Has("forget-device"), browser.Describe());
        Assert.DoesNotContain("(remembered)", browser.Has("devices") ? browser.Text("devices") : string.Empty, StringComparison.Ordinal);
        browser.SignOut();
        browser.SignIn(user, third);
        Assert.True(browser.PathNow == "/Account/Challenge", browser.Describe());
    }

    private static string? Attribute(Chromium browser, string name) =>
        browser.Driver.FindElements(By.CssSelector($"td[data-attribute='{name}']")).SingleOrDefault()?.Text;
}
