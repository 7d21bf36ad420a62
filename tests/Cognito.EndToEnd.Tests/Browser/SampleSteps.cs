using OpenQA.Selenium;

namespace Cognito.EndToEnd.Tests.Browser;

/// <summary>What a person does on the sample's pages, by the element ids the pages give their fields.</summary>
public static class SampleSteps
{
    /// <summary>Fills the sign-in form and submits it; the browser ends on the next page (home, the challenge step or the form again).</summary>
    public static void SignIn(this Chromium browser, string username, string password, bool rememberDevice = false)
    {
        browser.Go("/Account/SignIn");
        browser.Fill("username", username);
        browser.Fill("password", password);
        if (rememberDevice != browser.Find("remember-device").Selected)
        {
            browser.Press("remember-device");
        }

        browser.Submit("sign-in");
    }

    /// <summary>The username the home page greets, or null when it says the browser is not signed in.</summary>
    public static string? SignedInAs(this Chromium browser)
    {
        browser.Go("/");
        return browser.Has("username") ? browser.Text("username") : null;
    }

    public static void SignOut(this Chromium browser) => browser.Submit("sign-out");

    /// <summary>The rows of "Your sessions": each session's handle and whether it is this browser's.</summary>
    public static IReadOnlyList<(string Handle, bool Current, IWebElement Row)> Sessions(this Chromium browser)
    {
        browser.Go("/Account/Sessions");
        return browser.Find("sessions").FindElements(By.CssSelector("tr[data-handle]"))
            .Select(r => (r.GetDomAttribute("data-handle") ?? string.Empty, r.GetDomAttribute("class") == "current", r))
            .ToList();
    }

    /// <summary>Presses "Call the API" on the home page and waits for what the bearer API answered.</summary>
    public static string CallApi(this Chromium browser)
    {
        browser.Go("/");
        browser.Press("call-api");
        return browser.Until<string?>(d => d.FindElement(By.Id("api-result")).Text is { Length: > 0 } text ? text : null) ?? string.Empty;
    }

    /// <summary>The session's access token, as the home page's own script gets it (a POST with the antiforgery token).</summary>
    public static string AccessToken(this Chromium browser)
    {
        browser.Go("/");
        var token = ((IJavaScriptExecutor)browser.Driver).ExecuteAsyncScript(
            """
            const done = arguments[arguments.length - 1];
            const antiforgery = document.querySelector('#api-form input[name="__RequestVerificationToken"]').value;
            fetch('/api/token', { method: 'POST', headers: { 'RequestVerificationToken': antiforgery } })
                .then(r => r.ok ? r.json() : { accessToken: null }).then(j => done(j.accessToken));
            """);
        return token as string ?? throw new InvalidOperationException($"The page got no access token; {browser.Describe()}");
    }
}
