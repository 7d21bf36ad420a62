namespace Cognito.Client.Model;

/// <summary>
/// A challenge the user must answer. The Cognito session that goes with it stays inside the grain:
/// callers answer through the grain and never handle it.
/// </summary>
/// <param name="Name">Cognito's challenge name: NEW_PASSWORD_REQUIRED, SMS_MFA, SOFTWARE_TOKEN_MFA, EMAIL_OTP, SMS_OTP, SELECT_MFA_TYPE, MFA_SETUP, CUSTOM_CHALLENGE, SELECT_CHALLENGE, WEB_AUTHN.</param>
/// <param name="Parameters">Cognito's challenge parameters (delivery destination, custom challenge data).</param>
/// <param name="RequiredAttributes">For NEW_PASSWORD_REQUIRED: attributes the answer must supply.</param>
/// <param name="MfaChoices">For SELECT_MFA_TYPE and MFA_SETUP: the MFA types offered.</param>
/// <param name="AvailableChallenges">For USER_AUTH's SELECT_CHALLENGE: the factors the user may choose (PASSWORD, PASSWORD_SRP, EMAIL_OTP, SMS_OTP, WEB_AUTHN).</param>
[GenerateSerializer, Immutable, Alias("Cognito.PendingChallenge")]
public sealed record PendingChallenge(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyDictionary<string, string> Parameters,
    [property: Id(2)] IReadOnlyList<string> RequiredAttributes,
    [property: Id(3)] IReadOnlyList<string> MfaChoices,
    [property: Id(4)] DateTimeOffset ExpiresAt,
    [property: Id(5)] IReadOnlyList<string>? AvailableChallenges = null);
