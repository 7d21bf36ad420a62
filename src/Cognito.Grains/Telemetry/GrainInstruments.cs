using System.Diagnostics;
using System.Diagnostics.Metrics;
using Cognito.IdentityProvider.Telemetry;

namespace Cognito.Grains.Telemetry;

/// <summary>The grains' meter and activity source, named <see cref="CognitoTelemetry.Grains"/>.</summary>
internal static class GrainInstruments
{
    public static readonly ActivitySource Source = new(CognitoTelemetry.Grains);

    private static readonly Meter Meter = new(CognitoTelemetry.Grains);

    public static readonly Counter<long> SignIns = Meter.CreateCounter<long>(
        "cognito.sign_ins", unit: "{sign-in}", description: "Sign-ins started, by flow and outcome (SignedIn, ChallengeRequired or an error code).");

    public static readonly Counter<long> Challenges = Meter.CreateCounter<long>(
        "cognito.challenges", unit: "{challenge}", description: "Challenges a user was asked to answer, by challenge name.");

    public static readonly Counter<long> ChallengeAnswers = Meter.CreateCounter<long>(
        "cognito.challenge_answers", unit: "{answer}", description: "Answers to challenges, by challenge name and outcome.");

    public static readonly Counter<long> Refreshes = Meter.CreateCounter<long>(
        "cognito.refreshes", unit: "{refresh}", description: "Token refreshes sent to Cognito, by trigger (timer, lazy, forced) and outcome.");

    public static readonly UpDownCounter<long> ActiveSessions = Meter.CreateUpDownCounter<long>(
        "cognito.sessions.active", unit: "{session}", description: "Activated user grains on this silo that hold a signed-in session.");

    /// <summary>Runs one measured step: its span, its counter with the outcome, the span's status.</summary>
    public static async Task<T> MeasureAsync<T>(
        string spanName,
        Counter<long> counter,
        KeyValuePair<string, object?> tag,
        Func<Task<T>> step,
        Func<T, string> outcomeOf)
    {
        using var activity = Source.StartActivity(spanName);
        activity?.SetTag(tag.Key, tag.Value);
        var outcome = CognitoTelemetry.UnexpectedError;
        try
        {
            var result = await step();
            outcome = outcomeOf(result);
            return result;
        }
        catch (Exception e)
        {
            outcome = CognitoTelemetry.OutcomeOf(e);
            activity?.SetStatus(ActivityStatusCode.Error, outcome);
            throw;
        }
        finally
        {
            counter.Add(1, tag, new KeyValuePair<string, object?>(CognitoTelemetry.OutcomeTag, outcome));
            activity?.SetTag(CognitoTelemetry.OutcomeTag, outcome);
        }
    }
}
