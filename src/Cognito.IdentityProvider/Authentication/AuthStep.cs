namespace Cognito.IdentityProvider.Authentication;

/// <summary>Where a sign-in stands: signed in with tokens, or waiting for the answer to a challenge.</summary>
public abstract record AuthStep;

/// <summary>The sign-in is complete.</summary>
/// <param name="Username">The internal username (never an alias), as SECRET_HASH and refresh need it.</param>
public sealed record AuthSucceeded(CognitoTokens Tokens, string Username) : AuthStep;

/// <summary>
/// Cognito asks for more. Answer it with <see cref="CognitoAuthenticator.RespondAsync"/> before
/// <see cref="ExpiresAt"/>; each answer returns the next step.
/// </summary>
/// <param name="ChallengeName">The challenge, as Cognito names it (see <see cref="Model.ChallengeNameType"/>).</param>
/// <param name="Session">Cognito's session for the next answer; treat it as a secret.</param>
/// <param name="Username">The internal username the answers must carry.</param>
/// <param name="Parameters">Cognito's challenge parameters (delivery destination, required attributes, MFA choices...).</param>
/// <param name="Admin">True when the flow runs through the Admin* operations.</param>
/// <param name="ExpiresAt">When Cognito's session for the answer runs out.</param>
/// <param name="AvailableChallenges">For USER_AUTH's SELECT_CHALLENGE: the factors the user may choose (PASSWORD, PASSWORD_SRP, EMAIL_OTP, SMS_OTP, WEB_AUTHN).</param>
public sealed record AuthChallenge(
    string ChallengeName,
    string Session,
    string Username,
    IReadOnlyDictionary<string, string> Parameters,
    bool Admin,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<string>? AvailableChallenges = null) : AuthStep
{
    /// <summary>
    /// For WEB_AUTHN: the <c>CREDENTIAL_REQUEST_OPTIONS</c> JSON to hand to the browser's
    /// <c>navigator.credentials.get</c> (after decoding its base64url members).
    /// </summary>
    public string? CredentialRequestOptions => Parameters.GetValueOrDefault("CREDENTIAL_REQUEST_OPTIONS");

    /// <summary>Attributes a NEW_PASSWORD_REQUIRED answer must supply (from <c>requiredAttributes</c>, without the <c>userAttributes.</c> prefix).</summary>
    public IReadOnlyList<string> RequiredAttributes => ChallengeParameterReader.RequiredAttributes(Parameters);

    /// <summary>The MFA types a SELECT_MFA_TYPE or MFA_SETUP challenge offers.</summary>
    public IReadOnlyList<string> MfaChoices => ChallengeParameterReader.MfaChoices(Parameters);

    /// <summary>Names the challenge only; its parameters may carry secrets and are never printed.</summary>
    public override string ToString() => $"AuthChallenge {{ ChallengeName = {ChallengeName}, Session = ***, Username = {Username}, Admin = {Admin}, ExpiresAt = {ExpiresAt:O} }}";
}
