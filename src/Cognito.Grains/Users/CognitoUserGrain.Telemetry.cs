using Cognito.Client.Model;
using Cognito.Grains.Telemetry;
using Cognito.IdentityProvider.Authentication;
using Cognito.IdentityProvider.Telemetry;

namespace Cognito.Grains.Users;

/// <summary>
/// The grain's measurements, in one place: the sign-in, challenge-answer and refresh spans and
/// counters, and this activation's share of the active-session count (kept in step with the state
/// each time it is saved).
/// </summary>
internal sealed partial class CognitoUserGrain
{
    private bool _sessionCounted;

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        CountSession(false);
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    /// <summary>Counts this activation as an active session while it holds tokens.</summary>
    private void TrackSession() => CountSession(State.Tokens is not null);

    private void CountSession(bool holds)
    {
        if (holds != _sessionCounted)
        {
            _sessionCounted = holds;
            GrainInstruments.ActiveSessions.Add(holds ? 1 : -1);
        }
    }

    private static Task<SignInResult> MeasureSignInAsync(string flow, Func<Task<SignInResult>> signIn) =>
        GrainInstruments.MeasureAsync(
            "Cognito sign-in",
            GrainInstruments.SignIns,
            new(CognitoTelemetry.FlowTag, CognitoTelemetry.FlowOf(flow)),
            signIn,
            static result => result.Status.ToString());

    private static Task<SignInResult> MeasureAnswerAsync(string challenge, Func<Task<SignInResult>> answer) =>
        GrainInstruments.MeasureAsync(
            "Cognito challenge answer",
            GrainInstruments.ChallengeAnswers,
            new(CognitoTelemetry.ChallengeTag, CognitoTelemetry.ChallengeOf(challenge)),
            answer,
            static result => result.Status.ToString());

    private static Task<AuthSucceeded> MeasureRefreshAsync(string trigger, Func<Task<AuthSucceeded>> refresh) =>
        GrainInstruments.MeasureAsync(
            "Cognito refresh",
            GrainInstruments.Refreshes,
            new(CognitoTelemetry.TriggerTag, trigger),
            refresh,
            static _ => CognitoTelemetry.Success);

    private static void CountChallenge(string challenge) =>
        GrainInstruments.Challenges.Add(1, new KeyValuePair<string, object?>(CognitoTelemetry.ChallengeTag, CognitoTelemetry.ChallengeOf(challenge)));
}
