using Cognito.Client.Model;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Model;

namespace Cognito.Grains.Users;

internal sealed partial class CognitoUserGrain
{
    public async Task<string> AssociateSoftwareTokenAsync(CancellationToken cancellationToken = default)
    {
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            return await owner.AssociateSoftwareTokenAsync(cancellationToken);
        }

        var tokens = await EnsureTokensAsync(cancellationToken);
        var response = await Pool.Client.AssociateSoftwareTokenAsync(new AssociateSoftwareTokenRequest { AccessToken = tokens.AccessToken }, cancellationToken);
        return response.SecretCode ?? throw new CognitoProtocolException("AssociateSoftwareToken returned no secret code.");
    }

    public async Task VerifySoftwareTokenAsync(string code, string? friendlyDeviceName = null, CancellationToken cancellationToken = default)
    {
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            await owner.VerifySoftwareTokenAsync(code, friendlyDeviceName, cancellationToken);
            return;
        }

        var tokens = await EnsureTokensAsync(cancellationToken);
        var response = await Pool.Client.VerifySoftwareTokenAsync(new VerifySoftwareTokenRequest { AccessToken = tokens.AccessToken, UserCode = code, FriendlyDeviceName = friendlyDeviceName }, cancellationToken);
        if (response.Status != VerifySoftwareTokenResponseType.Success)
        {
            throw new CodeMismatchException("The authenticator code was not accepted.");
        }
    }

    public async Task SetMfaPreferenceAsync(MfaPreference preference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(preference);
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            await owner.SetMfaPreferenceAsync(preference, cancellationToken);
            return;
        }

        var tokens = await EnsureTokensAsync(cancellationToken);
        await Pool.Client.SetUserMFAPreferenceAsync(new SetUserMFAPreferenceRequest
        {
            AccessToken = tokens.AccessToken,
            SMSMfaSettings = preference.SmsEnabled is null ? null : new SMSMfaSettingsType { Enabled = preference.SmsEnabled, PreferredMfa = preference.Preferred == ChallengeNameType.SmsMfa },
            SoftwareTokenMfaSettings = preference.SoftwareTokenEnabled is null ? null : new SoftwareTokenMfaSettingsType { Enabled = preference.SoftwareTokenEnabled, PreferredMfa = preference.Preferred == ChallengeNameType.SoftwareTokenMfa },
            EmailMfaSettings = preference.EmailEnabled is null ? null : new EmailMfaSettingsType { Enabled = preference.EmailEnabled, PreferredMfa = preference.Preferred == ChallengeNameType.EmailOtp },
        }, cancellationToken);
    }
}
