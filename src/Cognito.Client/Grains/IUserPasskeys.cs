using Cognito.Client.Model;

namespace Cognito.Client.Grains;

/// <summary>The signed-in user's passkeys (WebAuthn credentials) and sign-in factors, with the session's access token.</summary>
[Alias("Cognito.IUserPasskeys")]
public interface IUserPasskeys : IGrainWithStringKey
{
    /// <summary>Starts registering a passkey: the JSON for the browser's <c>navigator.credentials.create</c> (StartWebAuthnRegistration).</summary>
    [Alias("StartPasskeyRegistration")]
    Task<string> StartPasskeyRegistrationAsync(CancellationToken cancellationToken = default);

    /// <summary>Completes it with the browser's new credential as JSON (CompleteWebAuthnRegistration); not JSON is InvalidParameterException.</summary>
    [Alias("CompletePasskeyRegistration")]
    Task CompletePasskeyRegistrationAsync(string credentialJson, CancellationToken cancellationToken = default);

    /// <summary>Every passkey of the user (every page).</summary>
    [Alias("ListPasskeys")]
    Task<IReadOnlyList<PasskeyInfo>> ListPasskeysAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes one passkey by its credential id (DeleteWebAuthnCredential).</summary>
    [Alias("DeletePasskey")]
    Task DeletePasskeyAsync(string credentialId, CancellationToken cancellationToken = default);

    /// <summary>The user's sign-in factors and MFA methods (GetUserAuthFactors).</summary>
    [Alias("GetAuthFactors")]
    Task<AuthFactors> GetAuthFactorsAsync(CancellationToken cancellationToken = default);
}
