using System.Net.Http.Headers;
using Cognito.AspNetCore.Bearer;
using Cognito.AspNetCore.Revocation;
using Cognito.AspNetCore.Sessions;
using Cognito.IdentityProvider.Tokens;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Cognito.AspNetCore.Tests;

/// <summary>One front end on TestServer, an Orleans client of the fixture's cluster, with the Cognito cookie, a bearer-protected <c>/api/me</c>, and endpoints the tests drive as a browser would.</summary>
public sealed class TestFrontEnd : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestFrontEnd(WebApplication app)
    {
        _app = app;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public DownstreamApi Downstream => _app.Services.GetRequiredService<DownstreamApi>();

    public EndedSessionsRevocationCheck Revocation => _app.Services.GetRequiredService<EndedSessionsRevocationCheck>();

    /// <summary>A front end of <paramref name="fixture"/>'s cluster; <paramref name="cookieVerifier"/> may change how the cookie scheme checks ID tokens.</summary>
    public static async Task<TestFrontEnd> StartAsync(FrontEndFixture fixture, Action<CognitoTokenVerifierOptions>? cookieVerifier = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton(fixture.Grains);
        builder.Services.AddCognitoRevocation(o => o.PollInterval = TimeSpan.FromMilliseconds(200));
        builder.Services.AddAuthentication(CognitoCookieDefaults.AuthenticationScheme)
            .AddCognitoCookie(o =>
            {
                o.Verifier.Issuer = fixture.Pool.Issuer;
                o.Verifier.ClientIds.Add(fixture.Pool.ClientId);
                cookieVerifier?.Invoke(o.Verifier);
            }, cookie => cookie.Events.OnRedirectToLogin = context =>
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            })
            .AddCognitoBearer(o =>
            {
                o.Verifier.Issuer = fixture.Pool.Issuer;
                o.Verifier.ClientIds.Add(fixture.Pool.ClientId);
            });
        builder.Services.AddAuthorization();
        builder.Services.AddAntiforgery();
        builder.Services.AddSingleton<DownstreamApi>();
        builder.Services.AddHttpClient("downstream", c => c.BaseAddress = new Uri("http://downstream.test"))
            .AddCognitoUserAccessTokenHandler()
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<DownstreamApi>());

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapGet("/api/me", (HttpContext http) => http.User.Identity!.Name)
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = CognitoBearerDefaults.AuthenticationScheme });
        app.MapGet("/form", (HttpContext http, IAntiforgery antiforgery) => antiforgery.GetAndStoreTokens(http).RequestToken!);
        app.MapPost("/signin", async ([FromForm] string username, [FromForm] string password, HttpContext http, CognitoSignIn signIn) =>
            (await signIn.PasswordAsync(http, username, password)).Status.ToString());
        app.MapPost("/signout", async ([FromForm] bool everywhere, HttpContext http, CognitoSignIn signIn) =>
        {
            await signIn.SignOutAsync(http, everywhere);
            return "signed out";
        });
        app.MapGet("/whoami", (HttpContext http) => $"{http.User.Identity!.Name} {http.GetCognitoSession()!.Handle}").RequireAuthorization();
        app.MapGet("/call-api", async (IHttpClientFactory clients) => await clients.CreateClient("downstream").GetStringAsync("/data")).RequireAuthorization();
        await app.StartAsync();
        return new TestFrontEnd(app);
    }

    public Task<HttpResponseMessage> GetMeAsync(string accessToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
