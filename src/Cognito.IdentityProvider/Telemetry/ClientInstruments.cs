using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Cognito.IdentityProvider.Telemetry;

/// <summary>
/// The wire client's meter and activity source. Static, like the client's callers expect of a
/// library (any number of clients, with or without DI, report under one name); listeners choose
/// them by <see cref="CognitoTelemetry.IdentityProvider"/>.
/// </summary>
internal static class ClientInstruments
{
    public static readonly ActivitySource Source = new(CognitoTelemetry.IdentityProvider);

    private static readonly Meter Meter = new(CognitoTelemetry.IdentityProvider);

    /// <summary>A whole call, retries included, as the caller waited for it.</summary>
    public static readonly Histogram<double> Duration = Meter.CreateHistogram(
        "cognito.client.operation.duration",
        unit: "s",
        description: "Duration of Cognito calls, retries included.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });

    public static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "cognito.client.retries", unit: "{retry}", description: "Attempts of a Cognito call sent again after a transient failure.");

    public static readonly Counter<long> Throttles = Meter.CreateCounter<long>(
        "cognito.client.throttles", unit: "{throttle}", description: "Attempts Cognito answered with throttling (TooManyRequestsException or HTTP 429).");
}
