using Cognito.IdentityProvider.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Cognito.Silo.Telemetry;

/// <summary>OpenTelemetry for the silo: this library's and Orleans' metrics and traces.</summary>
public static class TelemetryHostExtensions
{
    /// <summary>The variable that turns the OTLP exporter on, as every OpenTelemetry SDK reads it.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Orleans' meter.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>What Orleans' activity sources' names start with.</summary>
    public const string OrleansSourcePrefix = "Microsoft.Orleans.";

    /// <summary>Orleans' activity sources (grain calls, runtime, storage, ...).</summary>
    public const string OrleansSources = OrleansSourcePrefix + "*";

    /// <summary>
    /// Collects the <see cref="CognitoTelemetry"/> meters and sources and Orleans' own, the latter
    /// with usernames taken out of grain ids (<see cref="GrainIdRedactor"/>). They are
    /// exported over OTLP only when <see cref="OtlpEndpointVariable"/> is set (the exporter then reads
    /// the other <c>OTEL_*</c> variables itself); otherwise nothing leaves the process.
    /// </summary>
    public static IHostApplicationBuilder AddCognitoTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("Cognito.Silo"))
            .WithMetrics(metrics => metrics.AddMeter([.. CognitoTelemetry.All, OrleansMeter]))
            .WithTracing(tracing => tracing
                .AddSource([.. CognitoTelemetry.All, OrleansSources])
                // Before any exporter: Orleans' grain ids hold usernames.
                .AddProcessor(new GrainIdRedactor()));
        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }
}
