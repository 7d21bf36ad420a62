using System.Collections.Frozen;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Model;

namespace Cognito.IdentityProvider.Telemetry;

/// <summary>
/// The names of this library's meters and activity sources, for
/// <c>metrics.AddMeter(CognitoTelemetry.IdentityProvider)</c> and <c>tracing.AddSource(...)</c>, and the
/// tags they carry. Every tag value comes from a fixed set (operation, flow, challenge and outcome
/// names), never from a caller: no username, token, code, session, key or pool user is ever a tag.
/// </summary>
/// <remarks>
/// Two names, one per layer, rather than one for the library: the protocol layer is used on its own
/// (without Orleans), and an operator may want Cognito's wire calls without the grains' sign-in
/// and refresh view, or the reverse. The meter and the activity source of a layer share its name.
/// </remarks>
public static class CognitoTelemetry
{
    /// <summary>The wire client: one span and one latency measurement per Cognito call, retries and throttles.</summary>
    public const string IdentityProvider = "Cognito.IdentityProvider";

    /// <summary>The grains: sign-ins, challenges, refreshes and active sessions.</summary>
    public const string Grains = "Cognito.Grains";

    /// <summary>Both names.</summary>
    public static IReadOnlyList<string> All { get; } = [IdentityProvider, Grains];

    /// <summary>Tag: the Cognito operation (<c>InitiateAuth</c>, ...).</summary>
    public const string OperationTag = "cognito.operation";

    /// <summary>Tag: <see cref="Success"/>, a sign-in step's result, or the error code from <see cref="OutcomeOf"/>.</summary>
    public const string OutcomeTag = "cognito.outcome";

    /// <summary>Tag: the auth flow a sign-in started (<c>USER_SRP_AUTH</c>, ...), or <see cref="Other"/>.</summary>
    public const string FlowTag = "cognito.flow";

    /// <summary>Tag: a challenge's name (<c>SOFTWARE_TOKEN_MFA</c>, ...), or <see cref="Other"/>.</summary>
    public const string ChallengeTag = "cognito.challenge";

    /// <summary>Tag: what caused a refresh: <c>timer</c>, <c>lazy</c> or <c>forced</c>.</summary>
    public const string TriggerTag = "cognito.trigger";

    /// <summary>The outcome of a call that succeeded.</summary>
    public const string Success = "Success";

    /// <summary>A flow or challenge name outside the model's list.</summary>
    public const string Other = "Other";

    /// <summary>The outcome of a call its caller cancelled.</summary>
    public const string Canceled = "Canceled";

    /// <summary>A Cognito error code that is not in the model: the server chose it, so it is not repeated as a tag.</summary>
    public const string UnmodeledError = "UnmodeledError";

    /// <summary>A failure that is not one of this library's errors.</summary>
    public const string UnexpectedError = "UnexpectedError";

    private static readonly FrozenSet<string> Flows = FrozenSet.Create(StringComparer.Ordinal,
        AuthFlowType.UserSrpAuth, AuthFlowType.UserPasswordAuth, AuthFlowType.AdminUserPasswordAuth, AuthFlowType.AdminNoSrpAuth,
        AuthFlowType.CustomAuth, AuthFlowType.RefreshTokenAuth, AuthFlowType.RefreshToken, AuthFlowType.UserAuth);

    private static readonly FrozenSet<string> Challenges = FrozenSet.Create(StringComparer.Ordinal,
        ChallengeNameType.SmsMfa, ChallengeNameType.EmailOtp, ChallengeNameType.SoftwareTokenMfa, ChallengeNameType.SelectMfaType,
        ChallengeNameType.MfaSetup, ChallengeNameType.PasswordVerifier, ChallengeNameType.CustomChallenge, ChallengeNameType.SelectChallenge,
        ChallengeNameType.DeviceSrpAuth, ChallengeNameType.DevicePasswordVerifier, ChallengeNameType.AdminNoSrpAuth,
        ChallengeNameType.NewPasswordRequired, ChallengeNameType.SmsOtp, ChallengeNameType.Password, ChallengeNameType.WebAuthn,
        ChallengeNameType.PasswordSrp);

    /// <summary>
    /// The outcome tag of a failure: the error code of a typed Cognito error or of this library's own
    /// errors (a fixed set), else a fixed stand-in. Never the message.
    /// </summary>
    public static string OutcomeOf(Exception error) => error switch
    {
        // A plain CognitoServiceException carries whatever code the server sent; only the one the client itself gives is kept.
        CognitoServiceException e when e.GetType() == typeof(CognitoServiceException) =>
            e.ErrorCode == CognitoTransience.UnknownErrorCode ? CognitoTransience.UnknownErrorCode : UnmodeledError,
        CognitoException e => e.ErrorCode,
        Polly.Timeout.TimeoutRejectedException => CognitoTimeoutException.Code,
        OperationCanceledException => Canceled,
        _ => UnexpectedError,
    };

    /// <summary>The flow tag: the name when the model lists it, else <see cref="Other"/> (a caller may pass any string).</summary>
    public static string FlowOf(string? flow) => flow is not null && Flows.Contains(flow) ? flow : Other;

    /// <summary>The challenge tag: the name when the model lists it, else <see cref="Other"/>.</summary>
    public static string ChallengeOf(string? challenge) => challenge is not null && Challenges.Contains(challenge) ? challenge : Other;
}
