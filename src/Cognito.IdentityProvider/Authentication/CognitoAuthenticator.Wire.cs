using Cognito.IdentityProvider.Model;
using Cognito.IdentityProvider.Tokens;

namespace Cognito.IdentityProvider.Authentication;

/// <summary>The two calls every round makes (admin or not), SECRET_HASH, and reading tokens from an answer.</summary>
public sealed partial class CognitoAuthenticator
{
    private CognitoTokens ToTokens(AuthenticationResultType result, string? fallbackRefreshToken)
    {
        var access = result.AccessToken ?? throw new Errors.CognitoProtocolException("The authentication result has no access token.");
        DateTimeOffset expiresAt;
        if (result.ExpiresIn is { } seconds and > 0)
        {
            expiresAt = _time.GetUtcNow().AddSeconds(seconds);
        }
        else if (UnverifiedTokenReader.TryReadUnverified(access, out var claims) && claims.ExpiresAt is { } exp)
        {
            // The token's lifetime (exp - iat) counted from now: a local clock that is off from
            // Cognito's then neither refreshes too late nor keeps refreshing.
            var now = _time.GetUtcNow();
            expiresAt = claims.IssuedAt is { } issued && exp > issued ? now + (exp - issued) : exp;
        }
        else
        {
            throw new Errors.CognitoProtocolException("The authentication result gives no expiry: no ExpiresIn and no exp in the access token.");
        }

        var device = result.NewDeviceMetadata is { DeviceKey: { } key, DeviceGroupKey: { } group } ? new NewDeviceMetadata(key, group) : null;
        return new CognitoTokens(access, result.IdToken, result.RefreshToken ?? fallbackRefreshToken, expiresAt, result.TokenType ?? "Bearer", device);
    }

    private void AddSecretHash(Dictionary<string, string> parameters, string username)
    {
        if (_app.SecretHashFor(username) is { } hash)
        {
            parameters["SECRET_HASH"] = hash;
        }
    }

    private static string RequirePassword(string? password, string flow) =>
        string.IsNullOrEmpty(password) ? throw new Errors.InvalidParameterException($"{flow} needs a password.") : password;

    private async Task<Outcome> InitiateAsync(string flow, Dictionary<string, string> parameters, IReadOnlyDictionary<string, string>? clientMetadata, bool admin, CancellationToken cancellationToken)
    {
        if (admin)
        {
            var response = await _cognito.AdminInitiateAuthAsync(new AdminInitiateAuthRequest
            {
                UserPoolId = _app.UserPoolId,
                ClientId = _app.ClientId,
                AuthFlow = flow,
                AuthParameters = parameters,
                ClientMetadata = clientMetadata,
            }, cancellationToken).ConfigureAwait(false);
            return new Outcome(response.ChallengeName, response.Session, response.ChallengeParameters, response.AuthenticationResult, response.AvailableChallenges);
        }
        else
        {
            var response = await _cognito.InitiateAuthAsync(new InitiateAuthRequest
            {
                ClientId = _app.ClientId,
                AuthFlow = flow,
                AuthParameters = parameters,
                ClientMetadata = clientMetadata,
            }, cancellationToken).ConfigureAwait(false);
            return new Outcome(response.ChallengeName, response.Session, response.ChallengeParameters, response.AuthenticationResult, response.AvailableChallenges);
        }
    }

    private async Task<Outcome> RespondToChallengeAsync(string challengeName, string session, Dictionary<string, string> responses, bool admin, IReadOnlyDictionary<string, string>? clientMetadata, CancellationToken cancellationToken)
    {
        var sessionOrNull = string.IsNullOrEmpty(session) ? null : session;
        if (admin)
        {
            var response = await _cognito.AdminRespondToAuthChallengeAsync(new AdminRespondToAuthChallengeRequest
            {
                UserPoolId = _app.UserPoolId,
                ClientId = _app.ClientId,
                ChallengeName = challengeName,
                Session = sessionOrNull,
                ChallengeResponses = responses,
                ClientMetadata = clientMetadata,
            }, cancellationToken).ConfigureAwait(false);
            return new Outcome(response.ChallengeName, response.Session, response.ChallengeParameters, response.AuthenticationResult);
        }
        else
        {
            var response = await _cognito.RespondToAuthChallengeAsync(new RespondToAuthChallengeRequest
            {
                ClientId = _app.ClientId,
                ChallengeName = challengeName,
                Session = sessionOrNull,
                ChallengeResponses = responses,
                ClientMetadata = clientMetadata,
            }, cancellationToken).ConfigureAwait(false);
            return new Outcome(response.ChallengeName, response.Session, response.ChallengeParameters, response.AuthenticationResult);
        }
    }
}
