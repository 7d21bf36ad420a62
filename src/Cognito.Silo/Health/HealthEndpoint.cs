using System.Net;
using System.Text.Json;
using Cognito.Grains.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cognito.Silo.Health;

/// <summary>
/// Serves the silo's health checks over HTTP on <see cref="HealthEndpointOptions.Port"/>, from a
/// small web host of its own, so the silo stays a generic host. Healthy and Degraded answer 200,
/// Unhealthy 503; the body names every check with its status and description.
/// </summary>
internal sealed class HealthEndpoint(HealthCheckService health, IOptions<HealthEndpointOptions> options, ILogger<HealthEndpoint> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var port = options.Value.Port;
        if (port == 0)
        {
            return;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenAnyIP(port));
        var app = builder.Build();
        app.MapGet("/health", context => RespondAsync(context, static _ => true));
        app.MapGet("/health/ready", context => RespondAsync(context, static check => check.Tags.Contains(CognitoHealthChecks.ReadyTag)));
        // Alive is answering at all: no dependency's failure is cured by restarting the silo.
        app.MapGet("/health/live", context => RespondAsync(context, static _ => false));
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            await app.DisposeAsync();
            throw new OptionsValidationException(HealthEndpointOptions.SectionName, typeof(HealthEndpointOptions),
                [$"{HealthEndpointOptions.SectionName}:Port {port} is in use: choose another (--{HealthEndpointOptions.SectionName}:Port=N) or 0 to turn the health endpoint off."]);
        }

        _app = app;
        HealthLog.Listening(logger, port);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }

    private async Task RespondAsync(HttpContext context, Func<HealthCheckRegistration, bool> predicate)
    {
        var report = await health.CheckHealthAsync(predicate, context.RequestAborted);
        var body = new HealthBody(
            report.Status.ToString(),
            report.TotalDuration.TotalMilliseconds,
            report.Entries.Select(e => new HealthCheckBody(
                e.Key,
                e.Value.Status.ToString(),
                e.Value.Description,
                e.Value.Duration.TotalMilliseconds,
                e.Value.Data.ToDictionary(d => d.Key, d => d.Value?.ToString() ?? string.Empty, StringComparer.Ordinal))).ToArray());
        context.Response.StatusCode = report.Status == HealthStatus.Unhealthy ? (int)HttpStatusCode.ServiceUnavailable : (int)HttpStatusCode.OK;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, body, HealthJsonContext.Default.HealthBody, context.RequestAborted);
    }
}
