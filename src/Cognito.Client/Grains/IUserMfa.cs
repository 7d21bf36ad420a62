using Cognito.Client.Model;

namespace Cognito.Client.Grains;

/// <summary>Authenticator-app (TOTP) association and MFA preferences for the signed-in user.</summary>
[Alias("Cognito.IUserMfa")]
public interface IUserMfa : IGrainWithStringKey
{
    /// <summary>Returns the secret to load into an authenticator app.</summary>
    [Alias("AssociateSoftwareToken")]
    Task<string> AssociateSoftwareTokenAsync(CancellationToken cancellationToken = default);

    /// <summary>Completes the software-token setup with a code from the authenticator app; <paramref name="friendlyDeviceName"/> names it in Cognito.</summary>
    [Alias("VerifySoftwareToken")]
    Task VerifySoftwareTokenAsync(string code, string? friendlyDeviceName = null, CancellationToken cancellationToken = default);

    /// <summary>Chooses which MFA methods the user has and prefers (SetUserMFAPreference).</summary>
    [Alias("SetMfaPreference")]
    Task SetMfaPreferenceAsync(MfaPreference preference, CancellationToken cancellationToken = default);
}
