using Cognito.Client.Model;

namespace Cognito.Client.Grains;

/// <summary>
/// Signing in and answering challenges (warrant: authenticate, admin_authenticate,
/// new_password_challenge; pycognito's MFA answers). The Cognito session between steps stays in
/// the grain; a challenge is answered on the same grain that received it.
/// </summary>
[Alias("Cognito.IUserSignIn")]
public interface IUserSignIn : IGrainWithStringKey
{
    /// <summary>SRP sign-in (USER_SRP_AUTH): the password never leaves the silo.</summary>
    [Alias("Authenticate")]
    Task<SignInResult> AuthenticateAsync(string password, CancellationToken cancellationToken = default);

    /// <summary>ADMIN_USER_PASSWORD_AUTH (warrant's ADMIN_NO_SRP_AUTH), signed with the silo's IAM credentials.</summary>
    [Alias("AdminAuthenticate")]
    Task<SignInResult> AdminAuthenticateAsync(string password, CancellationToken cancellationToken = default);

    /// <summary>Any flow by name: USER_SRP_AUTH, USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH, ADMIN_NO_SRP_AUTH, CUSTOM_AUTH.</summary>
    [Alias("AuthenticateWithFlow")]
    Task<SignInResult> AuthenticateWithFlowAsync(string authFlow, string? password, CancellationToken cancellationToken = default);

    /// <summary>
    /// Choice-based sign-in (USER_AUTH). With <paramref name="preferredChallenge"/> (PASSWORD, PASSWORD_SRP,
    /// EMAIL_OTP, SMS_OTP or WEB_AUTHN) Cognito starts that factor if the user has it; without, the result
    /// is SELECT_CHALLENGE with the factors in <see cref="Model.PendingChallenge.AvailableChallenges"/>
    /// (answer with <see cref="SelectChallengeAsync"/>). PASSWORD and PASSWORD_SRP need <paramref name="password"/>
    /// (SRP never sends it). One-time codes are answered with <see cref="RespondToMfaAsync"/>, a passkey with
    /// <see cref="RespondToWebAuthnAsync"/>; MFA after a password follows as usual.
    /// </summary>
    [Alias("StartUserAuth")]
    Task<SignInResult> StartUserAuthAsync(string? preferredChallenge = null, string? password = null, CancellationToken cancellationToken = default);

    /// <summary>SELECT_CHALLENGE: the factor the user chose among those offered, with the password for PASSWORD or PASSWORD_SRP.</summary>
    [Alias("SelectChallenge")]
    Task<SignInResult> SelectChallengeAsync(string challenge, string? password = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// WEB_AUTHN: the browser's answer to the challenge's <c>CREDENTIAL_REQUEST_OPTIONS</c>
    /// (<c>navigator.credentials.get</c>'s PublicKeyCredential as JSON).
    /// </summary>
    [Alias("RespondToWebAuthn")]
    Task<SignInResult> RespondToWebAuthnAsync(string credentialJson, CancellationToken cancellationToken = default);

    /// <summary>NEW_PASSWORD_REQUIRED: the new password and the attributes the challenge requires (display names under <paramref name="attributeMap"/>).</summary>
    [Alias("RespondToNewPassword")]
    Task<SignInResult> RespondToNewPasswordAsync(string newPassword, IReadOnlyDictionary<string, string>? attributes = null, IReadOnlyDictionary<string, string>? attributeMap = null, CancellationToken cancellationToken = default);

    /// <summary>SMS_MFA, SOFTWARE_TOKEN_MFA, EMAIL_OTP or SMS_OTP: the code.</summary>
    [Alias("RespondToMfa")]
    Task<SignInResult> RespondToMfaAsync(string code, CancellationToken cancellationToken = default);

    /// <summary>SELECT_MFA_TYPE: the MFA type to use.</summary>
    [Alias("SelectMfaType")]
    Task<SignInResult> SelectMfaTypeAsync(string mfaType, CancellationToken cancellationToken = default);

    /// <summary>MFA_SETUP, step one: the authenticator secret to show the user (as a QR code).</summary>
    [Alias("BeginMfaSetup")]
    Task<string> BeginMfaSetupAsync(CancellationToken cancellationToken = default);

    /// <summary>MFA_SETUP, step two: the first code from the authenticator app.</summary>
    [Alias("CompleteMfaSetup")]
    Task<SignInResult> CompleteMfaSetupAsync(string code, string? friendlyDeviceName = null, CancellationToken cancellationToken = default);

    /// <summary>CUSTOM_AUTH: starts it, with an SRP password check first when a password is given.</summary>
    [Alias("StartCustomAuth")]
    Task<SignInResult> StartCustomAuthAsync(string? password = null, IReadOnlyDictionary<string, string>? clientMetadata = null, CancellationToken cancellationToken = default);

    /// <summary>CUSTOM_CHALLENGE: the answer.</summary>
    [Alias("RespondToCustomChallenge")]
    Task<SignInResult> RespondToCustomChallengeAsync(string answer, IReadOnlyDictionary<string, string>? extra = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts a session from tokens obtained elsewhere (warrant's <c>Cognito(..., id_token=, access_token=, refresh_token=)</c>).
    /// The tokens are verified before they are kept.
    /// </summary>
    [Alias("SignInWithTokens")]
    Task<SignInResult> SignInWithTokensAsync(TokenSet tokens, CancellationToken cancellationToken = default);
}
