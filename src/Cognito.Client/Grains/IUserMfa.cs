using Cognito.Client.Model;

namespace Cognito.Client.Grains;

/// <summary>Authenticator-app (TOTP) association and MFA preferences for the signed-in user.</summary>
[Alias("Cognito.IUserMfa")]
public interface IUserMfa : IGrainWithStringKey
{
    /// <summary>Returns the secret to load into an authenticator app.</summary>
    [Alias("AssociateSoftwareToken")]
    Task<string> AssociateSoftwareTokenAsync(CancellationToken cancellationToken = default);

    [Alias("VerifySoftwareToken")]
    Task VerifySoftwareTokenAsync(string code, string? friendlyDeviceName = null, CancellationToken cancellationToken = default);

    [Alias("SetMfaPreference")]
    Task SetMfaPreferenceAsync(MfaPreference preference, CancellationToken cancellationToken = default);
}
