using Cognito.IdentityProvider.Model;
using Cognito.IdentityProvider.Srp;

namespace Cognito.IdentityProvider.Authentication;

/// <summary>Keeping a session going: refreshing tokens and remembering a device.</summary>
public sealed partial class CognitoAuthenticator
{
    /// <summary>
    /// Renews tokens. <paramref name="username"/> must be the internal username (SECRET_HASH needs it).
    /// With <paramref name="useRotation"/> it calls GetTokensFromRefreshToken, which returns a new
    /// refresh token that replaces the old one; otherwise REFRESH_TOKEN_AUTH, which keeps it.
    /// </summary>
    public async Task<AuthSucceeded> RefreshAsync(string refreshToken, string username, string? deviceKey = null, bool useRotation = false, bool admin = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);
        ArgumentException.ThrowIfNullOrEmpty(username);
        AuthenticationResultType? result;
        if (useRotation)
        {
            var response = await _cognito.GetTokensFromRefreshTokenAsync(new GetTokensFromRefreshTokenRequest
            {
                ClientId = _app.ClientId,
                ClientSecret = _app.ClientSecret,
                RefreshToken = refreshToken,
                DeviceKey = deviceKey,
            }, cancellationToken).ConfigureAwait(false);
            result = response.AuthenticationResult;
        }
        else
        {
            var parameters = new Dictionary<string, string> { ["REFRESH_TOKEN"] = refreshToken };
            if (deviceKey is not null)
            {
                parameters["DEVICE_KEY"] = deviceKey;
            }

            AddSecretHash(parameters, username);
            var outcome = await InitiateAsync(AuthFlowType.RefreshTokenAuth, parameters, null, admin, cancellationToken).ConfigureAwait(false);
            result = outcome.Result;
        }

        if (result is null)
        {
            throw new Errors.CognitoProtocolException("A refresh answered without tokens.");
        }

        // REFRESH_TOKEN_AUTH keeps the refresh token: Cognito does not send it again. With rotation the
        // new one replaces it; an answer without one (rotation off for the client) keeps the old one too,
        // or the session would end at the next refresh.
        return new AuthSucceeded(ToTokens(result, fallbackRefreshToken: refreshToken), username);
    }

    /// <summary>Confirms (remembers) a new device with a fresh SRP verifier; keep the returned credentials to skip MFA later.</summary>
    public async Task<(DeviceSecrets Credentials, bool UserConfirmationNecessary)> ConfirmDeviceAsync(string accessToken, NewDeviceMetadata device, string? deviceName = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        ArgumentNullException.ThrowIfNull(device);
        var verifier = _srp.CreateDeviceVerifier(device.DeviceGroupKey, device.DeviceKey);
        var response = await _cognito.ConfirmDeviceAsync(new ConfirmDeviceRequest
        {
            AccessToken = accessToken,
            DeviceKey = device.DeviceKey,
            DeviceName = deviceName,
            DeviceSecretVerifierConfig = verifier.ToVerifierConfig(),
        }, cancellationToken).ConfigureAwait(false);
        return (new DeviceSecrets(device.DeviceKey, device.DeviceGroupKey, verifier.DevicePassword), response.UserConfirmationNecessary ?? false);
    }
}
