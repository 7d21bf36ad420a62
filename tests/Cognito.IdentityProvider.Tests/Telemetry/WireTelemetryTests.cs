using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Model;
using Cognito.IdentityProvider.Telemetry;
using Cognito.IdentityProvider.Tests.Wire;
using Cognito.Testing.Scripted;

namespace Cognito.IdentityProvider.Tests.Telemetry;

/// <summary>
/// The wire client's telemetry, read with an <see cref="ActivityListener"/> and a <see cref="MeterListener"/>:
/// one span and one latency measurement per call with its outcome, a count per retry and per throttled attempt.
/// </summary>
public sealed class WireTelemetryTests : IAsyncLifetime, IDisposable
{
    // Matched by name: a source first touched while the listener is being added would be missed by reference.
    private const string TestSourceName = "Cognito.IdentityProvider.Tests";
    private static readonly ActivitySource TestSource = new(TestSourceName);
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, string?> Tags)> _measurements = new();
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters = new();
    private ScriptedCognitoServer _server = null!;

    public WireTelemetryTests()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = s => s.Name is CognitoTelemetry.IdentityProvider or TestSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_activities);
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == CognitoTelemetry.IdentityProvider)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _meters.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _meters.Start();
    }

    public async Task InitializeAsync() => _server = await ScriptedCognitoServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }

    [Fact]
    public async Task A_throttled_call_that_passes_is_one_span_with_its_retries_and_throttles_counted()
    {
        _server.Handler = (_, context) => _server.Requests.Count <= 2
            ? ScriptedCognitoServer.RespondAsync(context, 429, """{"__type":"TooManyRequestsException","message":"Rate exceeded"}""")
            : ScriptedCognitoServer.RespondAsync(context, 200, """{"Username":"bob","UserAttributes":[]}""");
        using var test = TestSource.StartActivity("throttled")!;
        await ScriptedClient.Create(_server).GetUserAsync(new GetUserRequest { AccessToken = "eyJ.secret-token.b" });
        test.Stop();

        var call = Assert.Single(_spans, s => s.TraceId == test.TraceId && s.Source.Name == CognitoTelemetry.IdentityProvider);
        Assert.Equal("Cognito GetUser", call.DisplayName);
        Assert.Equal(test.SpanId, call.ParentSpanId);
        Assert.Equal("GetUser", call.GetTagItem(CognitoTelemetry.OperationTag));
        Assert.Equal(CognitoTelemetry.Success, call.GetTagItem(CognitoTelemetry.OutcomeTag));

        // Other tests may call GetUser at the same time: counts are at least this test's.
        Assert.True(Count("cognito.client.retries", "GetUser", TooManyRequestsException.Code) >= 2);
        Assert.True(Count("cognito.client.throttles", "GetUser", null) >= 2);
        Assert.Contains(_measurements, m => m.Instrument == "cognito.client.operation.duration" && m.Tags[CognitoTelemetry.OperationTag] == "GetUser" && m.Tags[CognitoTelemetry.OutcomeTag] == CognitoTelemetry.Success && m.Value > 0);
        Assert.DoesNotContain(_spans.SelectMany(s => s.TagObjects), t => t.Value?.ToString()?.Contains("secret-token", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_refusal_is_tagged_with_its_code_and_an_unmodeled_code_is_not_repeated()
    {
        _server.Handler = (_, context) => ScriptedCognitoServer.RespondAsync(context, 400, """{"__type":"NotAuthorizedException","message":"Incorrect username or password."}""");
        using (var test = TestSource.StartActivity("refused")!)
        {
            await Assert.ThrowsAsync<NotAuthorizedException>(() => ScriptedClient.Create(_server).GetUserAsync(new GetUserRequest { AccessToken = "eyJ.a.b" }));
            var call = Assert.Single(_spans, s => s.TraceId == test.TraceId);
            Assert.Equal(NotAuthorizedException.Code, call.GetTagItem(CognitoTelemetry.OutcomeTag));
            Assert.Equal(ActivityStatusCode.Error, call.Status);
        }

        // A code the model does not have is whatever the server chose: it is not made a tag value.
        _server.Handler = (_, context) => ScriptedCognitoServer.RespondAsync(context, 400, """{"__type":"user-bob-has-no-access","message":"no"}""");
        using (var test = TestSource.StartActivity("unmodeled")!)
        {
            await Assert.ThrowsAnyAsync<CognitoServiceException>(() => ScriptedClient.Create(_server).GetUserAsync(new GetUserRequest { AccessToken = "eyJ.a.b" }));
            var call = Assert.Single(_spans, s => s.TraceId == test.TraceId);
            Assert.Equal(CognitoTelemetry.UnmodeledError, call.GetTagItem(CognitoTelemetry.OutcomeTag));
        }

        Assert.DoesNotContain(_measurements, m => m.Tags.Values.Any(v => v?.Contains("bob", StringComparison.Ordinal) == true));
    }

    private double Count(string instrument, string operation, string? outcome) =>
        _measurements.Where(m => m.Instrument == instrument && m.Tags[CognitoTelemetry.OperationTag] == operation && (outcome is null || m.Tags[CognitoTelemetry.OutcomeTag] == outcome)).Sum(m => m.Value);

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value?.ToString();
        }

        _measurements.Enqueue((instrument.Name, value, copy));
    }
}
