using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cognito.Testing.Scripted;

/// <summary>
/// A loopback HTTP server that answers with AWS-shaped responses recorded from real Cognito, or
/// misbehaves on purpose (closes the connection, truncates, stalls). It stands in only for the
/// network peer, so the client under test is exercised for real.
/// </summary>
public sealed class ScriptedCognitoServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private ScriptedCognitoServer(WebApplication app) => _app = app;

    /// <summary>What to do with each request; replace it between steps of a test.</summary>
    public Func<RecordedRequest, HttpContext, Task> Handler { get; set; } = (_, context) =>
    {
        context.Response.StatusCode = 500;
        return Task.CompletedTask;
    };

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<ScriptedCognitoServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new ScriptedCognitoServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetService(typeof(IServer)) is IServer s ? s.Features.Get<IServerAddressesFeature>()!.Addresses.First() : throw new InvalidOperationException();
        server.Url = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new RecordedRequest(
            context.Request.Method,
            context.Request.Path,
            headers.GetValueOrDefault("X-Amz-Target"),
            headers.GetValueOrDefault("Content-Type"),
            headers.GetValueOrDefault("Authorization"),
            headers,
            body);
        _requests.Enqueue(request);
        await Handler(request, context);
    }

    /// <summary>Answers with a JSON body and status, as Cognito does.</summary>
    public static async Task RespondAsync(HttpContext context, int status, string json, string? errorType = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/x-amz-json-1.1";
        context.Response.Headers["x-amzn-RequestId"] = "11111111-2222-3333-4444-555555555555";
        if (errorType is not null)
        {
            context.Response.Headers["x-amzn-ErrorType"] = errorType;
        }

        await context.Response.WriteAsync(json);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
