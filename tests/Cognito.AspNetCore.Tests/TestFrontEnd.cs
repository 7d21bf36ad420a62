using System.Net.Http.Headers;
using Cognito.AspNetCore.Revocation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Cognito.AspNetCore.Tests;

/// <summary>One front end on TestServer, an Orleans client of the fixture's cluster, with a bearer-protected <c>/api/me</c>.</summary>
public sealed class TestFrontEnd : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestFrontEnd(WebApplication app)
    {
        _app = app;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public EndedSessionsRevocationCheck Revocation => _app.Services.GetRequiredService<EndedSessionsRevocationCheck>();

    public static async Task<TestFrontEnd> StartAsync(FrontEndFixture fixture)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton(fixture.Grains);
        builder.Services.AddCognitoRevocation(o => o.PollInterval = TimeSpan.FromMilliseconds(200));
        builder.Services.AddAuthentication().AddCognitoBearer(o =>
        {
            o.Verifier.Issuer = fixture.Pool.Issuer;
            o.Verifier.ClientIds.Add(fixture.Pool.ClientId);
        });
        builder.Services.AddAuthorization();

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/api/me", (HttpContext http) => http.User.Identity!.Name).RequireAuthorization();
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
