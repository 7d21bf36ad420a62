using System.Net;

namespace Cognito.AspNetCore.Tests;

/// <summary>A cookie jar over a front end's test client: what a browser keeps and sends back, and nothing else.</summary>
public sealed class TestBrowser(TestFrontEnd front)
{
    public Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

    public string? SessionCookie => Cookies.GetValueOrDefault(Sessions.CognitoCookieDefaults.CookieName);

    public async Task<HttpResponseMessage> GetAsync(string path) => await SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    /// <summary>Posts a form with the antiforgery token unless <paramref name="withAntiforgery"/> is false.</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> form, bool withAntiforgery = true)
    {
        if (withAntiforgery)
        {
            var token = await (await GetAsync("/form")).Content.ReadAsStringAsync();
            form = new Dictionary<string, string>(form) { ["__RequestVerificationToken"] = token };
        }

        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) });
    }

    public async Task<HttpResponseMessage> SignInAsync(string username, string password = Testing.LocalUser.DefaultPassword) =>
        await PostAsync("/signin", new() { ["username"] = username, ["password"] = password });

    public async Task<HttpStatusCode> WhoAmIAsync() => (await GetAsync("/whoami")).StatusCode;

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (Cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        request.Headers.UserAgent.ParseAdd("TestBrowser/1.0");
        var response = await front.Client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var header in setCookies)
            {
                var pair = header.Split(';')[0];
                var at = pair.IndexOf('=', StringComparison.Ordinal);
                var (name, value) = (pair[..at], pair[(at + 1)..]);
                var expired = header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase) || value.Length == 0;
                if (expired)
                {
                    Cookies.Remove(name);
                }
                else
                {
                    Cookies[name] = value;
                }
            }
        }

        return response;
    }
}
