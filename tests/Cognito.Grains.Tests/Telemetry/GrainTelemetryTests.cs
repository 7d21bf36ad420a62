using System.Diagnostics;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Model;
using Cognito.IdentityProvider.Telemetry;
using Cognito.Testing.CognitoLocal;

namespace Cognito.Grains.Tests.Telemetry;

/// <summary>
/// What an application's OpenTelemetry sees of the grains, read with the in-memory exporters: spans
/// that follow a call from the client through the grain to each Cognito call, counters with fixed
/// tags, and no secret anywhere in them.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class GrainTelemetryTests(GrainClusterFixture cluster)
{
    [Fact]
    public async Task A_sign_in_is_one_span_over_its_Cognito_calls_in_the_callers_trace_and_is_counted_by_flow_and_outcome()
    {
        using var capture = new TelemetryCapture();
        var username = await cluster.NewUserAsync("main");
        ActivityTraceId trace;
        using (var test = capture.StartTest("sign-in"))
        {
            trace = test.TraceId;
            Assert.True((await cluster.User("main", username).AuthenticateAsync(CognitoLocalFixture.DefaultPassword)).IsSignedIn);
        }

        var spans = await SpansAsync(capture, trace, s => s.DisplayName == "Cognito sign-in");
        var signIn = Assert.Single(spans, s => s.DisplayName == "Cognito sign-in");
        Assert.Equal(AuthFlowType.UserSrpAuth, signIn.GetTagItem(CognitoTelemetry.FlowTag));
        Assert.Equal("SignedIn", signIn.GetTagItem(CognitoTelemetry.OutcomeTag));

        // SRP: InitiateAuth, then the PASSWORD_VERIFIER answer, both under the sign-in span.
        var calls = spans.Where(s => s.ParentSpanId == signIn.SpanId && s.Source.Name == CognitoTelemetry.IdentityProvider).ToArray();
        Assert.Contains(calls, s => s.DisplayName == "Cognito InitiateAuth" && (string?)s.GetTagItem(CognitoTelemetry.OperationTag) == "InitiateAuth");
        Assert.Contains(calls, s => s.DisplayName == "Cognito RespondToAuthChallenge");
        Assert.All(calls, s => Assert.Equal(CognitoTelemetry.Success, s.GetTagItem(CognitoTelemetry.OutcomeTag)));
        Assert.All(calls, s => Assert.Equal(ActivityKind.Client, s.Kind));

        // The grain call itself is Orleans' span, in the same trace: propagation carried it from the client.
        Assert.Contains(spans, s => s.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal) && s.SpanId == signIn.ParentSpanId);

        Assert.True(capture.Sum("cognito.sign_ins", (CognitoTelemetry.FlowTag, AuthFlowType.UserSrpAuth), (CognitoTelemetry.OutcomeTag, "SignedIn")) >= 1);
        Assert.True(capture.Sum("cognito.client.operation.duration", (CognitoTelemetry.OperationTag, "InitiateAuth"), (CognitoTelemetry.OutcomeTag, CognitoTelemetry.Success)) >= 1);
    }

    [Fact]
    public async Task A_wrong_password_is_counted_and_traced_as_NotAuthorized()
    {
        using var capture = new TelemetryCapture();
        var username = await cluster.NewUserAsync("main");
        ActivityTraceId trace;
        using (var test = capture.StartTest("wrong password"))
        {
            trace = test.TraceId;
            await Assert.ThrowsAsync<NotAuthorizedException>(() => cluster.User("main", username).AuthenticateAsync("Wr0ng!Password"));
        }

        var spans = await SpansAsync(capture, trace, s => s.DisplayName == "Cognito sign-in");
        var signIn = Assert.Single(spans, s => s.DisplayName == "Cognito sign-in");
        Assert.Equal(NotAuthorizedException.Code, signIn.GetTagItem(CognitoTelemetry.OutcomeTag));
        Assert.Equal(ActivityStatusCode.Error, signIn.Status);
        Assert.Contains(spans, s => s.ParentSpanId == signIn.SpanId && (string?)s.GetTagItem(CognitoTelemetry.OutcomeTag) == NotAuthorizedException.Code);
        Assert.True(capture.Sum("cognito.sign_ins", (CognitoTelemetry.FlowTag, AuthFlowType.UserSrpAuth), (CognitoTelemetry.OutcomeTag, NotAuthorizedException.Code)) >= 1);
    }

    [Fact]
    public async Task A_refresh_records_its_trigger_and_outcome()
    {
        using var capture = new TelemetryCapture();
        var username = await cluster.NewUserAsync("main");
        var user = cluster.User("main", username);
        await user.AuthenticateAsync(CognitoLocalFixture.DefaultPassword);
        ActivityTraceId trace;
        using (var test = capture.StartTest("forced refresh"))
        {
            trace = test.TraceId;
            await user.RenewAccessTokenAsync();
        }

        var spans = await SpansAsync(capture, trace, s => s.DisplayName == "Cognito refresh");
        var refresh = Assert.Single(spans, s => s.DisplayName == "Cognito refresh");
        Assert.Equal("forced", refresh.GetTagItem(CognitoTelemetry.TriggerTag));
        Assert.Equal(CognitoTelemetry.Success, refresh.GetTagItem(CognitoTelemetry.OutcomeTag));
        Assert.Contains(spans, s => s.ParentSpanId == refresh.SpanId && s.DisplayName == "Cognito InitiateAuth");
        Assert.True(capture.Sum("cognito.refreshes", (CognitoTelemetry.TriggerTag, "forced"), (CognitoTelemetry.OutcomeTag, CognitoTelemetry.Success)) >= 1);
    }

    [Fact]
    public async Task Signed_in_activations_are_counted_as_active_sessions()
    {
        using var capture = new TelemetryCapture();
        var username = await cluster.NewUserAsync("main");
        await cluster.User("main", username).AuthenticateAsync(CognitoLocalFixture.DefaultPassword);
        // The counter moves with every grain of the process; this sign-in at least added one.
        Assert.Contains(capture.Points(), p => p.Name == "cognito.sessions.active");
    }

    [Fact]
    public async Task No_tag_of_any_span_or_measurement_holds_the_users_name_password_or_tokens()
    {
        using var capture = new TelemetryCapture();
        var username = await cluster.NewUserAsync("main");
        var user = cluster.User("main", username);
        using (capture.StartTest("secrets"))
        {
            await Assert.ThrowsAsync<NotAuthorizedException>(() => user.AuthenticateAsync("Wr0ng!Password"));
            await user.AuthenticateAsync(CognitoLocalFixture.DefaultPassword);
            await user.RenewAccessTokenAsync();
            await user.GetUserAsync();
            await user.LogoutAsync();
            await user.AuthenticateWithFlowAsync(AuthFlowType.UserPasswordAuth, CognitoLocalFixture.DefaultPassword);
        }

        var tokens = await user.GetTokensAsync();
        string[] secrets = [username, CognitoLocalFixture.DefaultPassword, "Wr0ng!Password", tokens.AccessToken, tokens.IdToken!, tokens.RefreshToken!];
        await GrainClusterFixture.WaitUntilAsync(() => Task.FromResult(capture.AllSpans.Length > 0), "spans were exported");

        var texts = capture.AllSpans
            .SelectMany(s => s.TagObjects.Select(t => $"{t.Key}={t.Value}").Append(s.DisplayName).Append(s.StatusDescription ?? string.Empty).Concat(s.Baggage.Select(b => $"{b.Key}={b.Value}")))
            .Concat(capture.Points().SelectMany(p => p.Tags.Select(t => $"{t.Key}={t.Value}")))
            .ToArray();
        Assert.NotEmpty(texts);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(texts, t => t.Contains(secret, StringComparison.Ordinal));
        }
    }

    /// <summary>The trace's spans once the one <paramref name="until"/> names has ended (exporters see spans as they end).</summary>
    private static async Task<Activity[]> SpansAsync(TelemetryCapture capture, ActivityTraceId trace, Func<Activity, bool> until)
    {
        await GrainClusterFixture.WaitUntilAsync(() => Task.FromResult(capture.SpansOf(trace).Any(until)), "the span ended");
        return capture.SpansOf(trace);
    }
}
