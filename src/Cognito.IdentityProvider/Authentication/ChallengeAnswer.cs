namespace Cognito.IdentityProvider.Authentication;

/// <summary>An answer to an <see cref="AuthChallenge"/>. <see cref="ToString"/> never prints codes or passwords.</summary>
public abstract record ChallengeAnswer;

/// <summary>NEW_PASSWORD_REQUIRED: the new password and any required attributes (names without the <c>userAttributes.</c> prefix).</summary>
public sealed record NewPasswordAnswer(string NewPassword, IReadOnlyDictionary<string, string>? Attributes = null) : ChallengeAnswer
{
    /// <summary>Never prints the password.</summary>
    public override string ToString() => $"NewPasswordAnswer {{ NewPassword = ***, Attributes = {Attributes?.Count ?? 0} }}";
}

/// <summary>SMS_MFA, SOFTWARE_TOKEN_MFA or EMAIL_OTP: the code the user received or their authenticator shows.</summary>
public sealed record MfaCodeAnswer(string Code) : ChallengeAnswer
{
    /// <summary>Never prints the code.</summary>
    public override string ToString() => "MfaCodeAnswer { Code = *** }";
}

/// <summary>SELECT_MFA_TYPE: which offered MFA type to use (for example <c>SOFTWARE_TOKEN_MFA</c>).</summary>
public sealed record SelectMfaTypeAnswer(string MfaType) : ChallengeAnswer;

/// <summary>
/// MFA_SETUP: the first code from the authenticator app set up with the secret that
/// <see cref="CognitoAuthenticator.BeginSoftwareTokenSetupAsync"/> returned.
/// </summary>
public sealed record MfaSetupAnswer(string Code, string? FriendlyDeviceName = null) : ChallengeAnswer
{
    /// <summary>Never prints the code.</summary>
    public override string ToString() => $"MfaSetupAnswer {{ Code = ***, FriendlyDeviceName = {FriendlyDeviceName} }}";
}

/// <summary>CUSTOM_CHALLENGE: the answer your Lambda trigger expects, plus any extra response parameters.</summary>
public sealed record CustomChallengeAnswer(string Answer, IReadOnlyDictionary<string, string>? Extra = null) : ChallengeAnswer
{
    /// <summary>Never prints the answer.</summary>
    public override string ToString() => "CustomChallengeAnswer { Answer = *** }";
}

/// <summary>
/// USER_AUTH's SELECT_CHALLENGE: the factor the user chose from <see cref="AuthChallenge.AvailableChallenges"/>.
/// PASSWORD and PASSWORD_SRP need the password (PASSWORD_SRP never sends it: it proves it with SRP);
/// EMAIL_OTP, SMS_OTP and WEB_AUTHN lead to their own challenge.
/// </summary>
public sealed record SelectChallengeAnswer(string Challenge, string? Password = null) : ChallengeAnswer
{
    /// <summary>Never prints the password.</summary>
    public override string ToString() => $"SelectChallengeAnswer {{ Challenge = {Challenge}, Password = {(Password is null ? "null" : "***")} }}";
}

/// <summary>WEB_AUTHN: the authenticator's assertion, as the JSON of the browser's <c>PublicKeyCredential</c> (<c>toJSON()</c>).</summary>
public sealed record WebAuthnAnswer(string CredentialJson) : ChallengeAnswer
{
    /// <summary>Never prints the assertion.</summary>
    public override string ToString() => "WebAuthnAnswer { CredentialJson = *** }";
}
