using Cognito.IdentityProvider.Model;
using Cognito.IdentityProvider.Srp;
using Cognito.IdentityProvider.Tokens;

namespace Cognito.IdentityProvider.Authentication;

/// <summary>The rounds answered without the caller: PASSWORD_VERIFIER and the device SRP rounds.</summary>
public sealed partial class CognitoAuthenticator
{
    private async Task<AuthStep> ContinueAsync(Outcome outcome, FlowContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await AnswerAutomaticRoundsAsync(outcome, context, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // A device round that failed half-way (refused, cancelled, network) still wipes its ephemeral.
            context.DeviceSrp?.Dispose();
        }
    }

    private async Task<AuthStep> AnswerAutomaticRoundsAsync(Outcome outcome, FlowContext context, CancellationToken cancellationToken)
    {
        // A bounded number of automatic rounds: PASSWORD_VERIFIER, DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER.
        for (var round = 0; round < 6; round++)
        {
            context.InternalUsername = InternalUsername(outcome, context);
            if (outcome.Result is { } result)
            {
                var tokens = ToTokens(result, null);
                var username = UnverifiedTokenReader.TryReadUnverified(tokens.AccessToken, out var claims) && claims.Username is { Length: > 0 } fromToken
                    ? fromToken
                    : context.InternalUsername;
                return new AuthSucceeded(tokens, username);
            }

            var name = outcome.ChallengeName ?? throw new Errors.CognitoProtocolException("Cognito answered with neither tokens nor a challenge.");
            var session = outcome.Session ?? string.Empty;
            var parameters = outcome.Parameters ?? new Dictionary<string, string>();

            switch (name)
            {
                case ChallengeNameType.PasswordVerifier:
                    if (context.Srp is null || context.Password is null)
                    {
                        throw new UnsupportedChallengeException("PASSWORD_VERIFIER arrived for a sign-in that did not start SRP.");
                    }

                    var passwordResponses = new Dictionary<string, string>(context.Srp.RespondToPasswordVerifier(parameters, _app.Pool, context.Password, _app.ClientId, _app.ClientSecret, context.Device?.DeviceKey));
                    context.InternalUsername = passwordResponses["USERNAME"];
                    outcome = await RespondToChallengeAsync(name, session, passwordResponses, context.Admin, context.ClientMetadata, cancellationToken).ConfigureAwait(false);
                    continue;
                case ChallengeNameType.DeviceSrpAuth:
                    if (context.Device is null)
                    {
                        throw new UnsupportedChallengeException("Cognito asked this device to prove itself (DEVICE_SRP_AUTH) but no device credentials were given.");
                    }

                    context.DeviceSrp?.Dispose();
                    context.DeviceSrp = _srp.StartAttempt();
                    var deviceStart = new Dictionary<string, string>(context.DeviceSrp.RespondToDeviceSrpAuth(context.InternalUsername, context.Device.DeviceKey, _app.ClientId, _app.ClientSecret));
                    outcome = await RespondToChallengeAsync(name, session, deviceStart, context.Admin, context.ClientMetadata, cancellationToken).ConfigureAwait(false);
                    continue;
                case ChallengeNameType.DevicePasswordVerifier:
                    if (context.Device is null || context.DeviceSrp is null)
                    {
                        throw new UnsupportedChallengeException("DEVICE_PASSWORD_VERIFIER arrived without a device round in progress.");
                    }

                    var deviceResponses = new Dictionary<string, string>(context.DeviceSrp.RespondToDevicePasswordVerifier(parameters, context.Device, context.InternalUsername, _app.ClientId, _app.ClientSecret));
                    context.DeviceSrp.Dispose();
                    context.DeviceSrp = null;
                    outcome = await RespondToChallengeAsync(name, session, deviceResponses, context.Admin, context.ClientMetadata, cancellationToken).ConfigureAwait(false);
                    continue;
                case ChallengeNameType.NewPasswordRequired:
                case ChallengeNameType.SmsMfa:
                case ChallengeNameType.SoftwareTokenMfa:
                case ChallengeNameType.EmailOtp:
                case ChallengeNameType.SmsOtp:
                case ChallengeNameType.SelectMfaType:
                case ChallengeNameType.MfaSetup:
                case ChallengeNameType.CustomChallenge:
                case ChallengeNameType.SelectChallenge:
                case ChallengeNameType.WebAuthn:
                    return new AuthChallenge(name, session, context.InternalUsername, parameters, context.Admin, _time.GetUtcNow() + SessionLifetime, outcome.AvailableChallenges);
                default:
                    throw new UnsupportedChallengeException($"Cognito asked for the challenge '{name}', which this library does not answer.");
            }
        }

        throw new Errors.CognitoProtocolException("Cognito kept asking for automatic challenges; stopping.");
    }

    private static string InternalUsername(Outcome outcome, FlowContext context)
    {
        var parameters = outcome.Parameters;
        if (parameters is not null)
        {
            if (parameters.TryGetValue("USERNAME", out var username) && !string.IsNullOrEmpty(username))
            {
                return username;
            }

            if (parameters.TryGetValue("USER_ID_FOR_SRP", out var userId) && !string.IsNullOrEmpty(userId))
            {
                return userId;
            }
        }

        return context.InternalUsername;
    }

    /// <summary>One answer from InitiateAuth or RespondToAuthChallenge, admin or not.</summary>
    private sealed record Outcome(string? ChallengeName, string? Session, IReadOnlyDictionary<string, string>? Parameters, AuthenticationResultType? Result, IReadOnlyList<string>? AvailableChallenges = null);

    /// <summary>What the automatic rounds of one call need; the SRP secrets never outlive the call.</summary>
    private sealed class FlowContext(string typedUsername, string? password, SrpAttempt? srp, DeviceSecrets? device, bool admin, IReadOnlyDictionary<string, string>? clientMetadata)
    {
        public string InternalUsername { get; set; } = typedUsername;

        public string? Password { get; } = password;

        public SrpAttempt? Srp { get; } = srp;

        public SrpAttempt? DeviceSrp { get; set; }

        public DeviceSecrets? Device { get; } = device;

        public bool Admin { get; } = admin;

        public IReadOnlyDictionary<string, string>? ClientMetadata { get; } = clientMetadata;
    }
}
