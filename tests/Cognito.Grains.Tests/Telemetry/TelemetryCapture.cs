using System.Diagnostics;
using Cognito.IdentityProvider.Telemetry;
using Cognito.Silo.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Cognito.Grains.Tests.Telemetry;

/// <summary>
/// OpenTelemetry's SDK with in-memory exporters for this library's and Orleans' meters and sources,
/// as the silo collects them (grain ids redacted), plus a test span whose trace tells this test's
/// spans from those of tests running alongside.
/// </summary>
public sealed class TelemetryCapture : IDisposable
{
    private static readonly ActivitySource TestSource = new("Cognito.Grains.Tests");

    private readonly TracerProvider _tracer;
    private readonly MeterProvider _meter;
    private readonly LockedCollection<Activity> _spans = new();
    private readonly LockedCollection<MetricSnapshot> _metrics = new();

    public TelemetryCapture()
    {
        _tracer = Sdk.CreateTracerProviderBuilder()
            .AddSource([.. CognitoTelemetry.All, TelemetryHostExtensions.OrleansSources, TestSource.Name])
            .AddProcessor(new GrainIdRedactor())
            .AddInMemoryExporter(_spans)
            .Build();
        _meter = Sdk.CreateMeterProviderBuilder()
            .AddMeter([.. CognitoTelemetry.All, TelemetryHostExtensions.OrleansMeter])
            .AddInMemoryExporter(_metrics)
            .Build();
    }

    /// <summary>Starts the test's own root span; everything the test causes joins its trace.</summary>
    public Activity StartTest(string name) => TestSource.StartActivity(name, ActivityKind.Internal) ?? throw new InvalidOperationException("No listener for the test's span.");

    /// <summary>The finished spans of one trace.</summary>
    public Activity[] SpansOf(ActivityTraceId trace) => _spans.Snapshot().Where(s => s.TraceId == trace).ToArray();

    /// <summary>Every finished span.</summary>
    public Activity[] AllSpans => _spans.Snapshot();

    /// <summary>Each metric point (name, tags, value) of the measurements since this capture started.</summary>
    public IReadOnlyList<(string Name, IReadOnlyDictionary<string, string?> Tags, double Value)> Points()
    {
        _metrics.Clear();
        _meter.ForceFlush();
        var points = new List<(string, IReadOnlyDictionary<string, string?>, double)>();
        foreach (var metric in _metrics.Snapshot())
        {
            foreach (var point in metric.MetricPoints)
            {
                var tags = new Dictionary<string, string?>(StringComparer.Ordinal);
                foreach (var tag in point.Tags)
                {
                    tags[tag.Key] = tag.Value?.ToString();
                }

                double value = metric.MetricType switch
                {
                    MetricType.LongSum or MetricType.LongSumNonMonotonic => point.GetSumLong(),
                    MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic => point.GetSumDouble(),
                    MetricType.Histogram => point.GetHistogramCount(),
                    _ => double.NaN,
                };
                points.Add((metric.Name, tags, value));
            }
        }

        return points;
    }

    /// <summary>The sum of <paramref name="name"/>'s points whose tags include all of <paramref name="tags"/>.</summary>
    public double Sum(string name, params (string Key, string Value)[] tags) =>
        Points().Where(p => p.Name == name && tags.All(t => p.Tags.TryGetValue(t.Key, out var v) && v == t.Value)).Sum(p => p.Value);

    public void Dispose()
    {
        _tracer.Dispose();
        _meter.Dispose();
    }
}
