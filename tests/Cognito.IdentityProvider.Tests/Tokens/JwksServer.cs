using Cognito.Testing.Scripted;
using Microsoft.AspNetCore.Http;

namespace Cognito.IdentityProvider.Tests.Tokens;

/// <summary>
/// A real loopback HTTP server that publishes a pool's JWKS at <c>/{pool}/.well-known/jwks.json</c>,
/// as Cognito and cognito-local do, and counts the downloads.
/// </summary>
internal sealed class JwksServer : IAsyncDisposable
{
    private readonly ScriptedCognitoServer _server;
    private readonly string _path;

    private JwksServer(ScriptedCognitoServer server, string poolId)
    {
        _server = server;
        _path = $"/{poolId}/.well-known/jwks.json";
        _server.Handler = HandleAsync;
    }

    /// <summary>The JWKS document served; change it to rotate keys.</summary>
    public string Jwks { get; set; } = TestRsaKey.Jwks(TestRsaKey.A);

    /// <summary>When set, answers are held until it completes (to pile up concurrent callers, or to time out).</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>When set, answers in place of the JWKS (errors, junk).</summary>
    public Func<HttpContext, Task>? Misbehave { get; set; }

    public Uri Url => _server.Url;

    public int JwksRequests => _server.Requests.Count(r => r.Path == _path);

    public int AllRequests => _server.Requests.Count;

    public static async Task<JwksServer> StartAsync(string poolId) => new(await ScriptedCognitoServer.StartAsync(), poolId);

    public async Task WaitForRequestsAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (JwksRequests < count)
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    private async Task HandleAsync(RecordedRequest request, HttpContext context)
    {
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(context.RequestAborted);
        }

        if (Misbehave is { } misbehave)
        {
            await misbehave(context);
            return;
        }

        if (request.Method != "GET" || request.Path != _path)
        {
            context.Response.StatusCode = 404;
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(Jwks, context.RequestAborted);
    }

    public ValueTask DisposeAsync()
    {
        Gate?.TrySetResult();
        return _server.DisposeAsync();
    }
}
