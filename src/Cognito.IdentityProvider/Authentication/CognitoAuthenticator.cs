using Cognito.IdentityProvider.Model;
using Cognito.IdentityProvider.Srp;

namespace Cognito.IdentityProvider.Authentication;

/// <summary>
/// Sign-in as a state machine over the wire client: start any flow, get either tokens or the next
/// challenge, answer it, repeat. PASSWORD_VERIFIER and the device rounds are answered here with
/// SRP-6a, so callers only ever see the challenges a person must answer. Every answer after the
/// first call carries the internal username, as SECRET_HASH requires. Stateless and thread-safe:
/// the state of a sign-in travels in the <see cref="AuthChallenge"/> it returns.
/// </summary>
public sealed partial class CognitoAuthenticator
{
    /// <summary>warrant's name for ADMIN_USER_PASSWORD_AUTH.</summary>
    public const string AdminNoSrpAuth = "ADMIN_NO_SRP_AUTH";

    // Cognito keeps a challenge session for 3 to 15 minutes; assume the shortest.
    private static readonly TimeSpan SessionLifetime = TimeSpan.FromMinutes(3);

    private readonly ICognitoIdentityProvider _cognito;
    private readonly CognitoAppClient _app;
    private readonly TimeProvider _time;
    private readonly CognitoSrp _srp;

    /// <summary>Sign-in flows against <paramref name="app"/> through <paramref name="cognito"/>; <paramref name="timeProvider"/> dates SRP proofs and token expiry.</summary>
    public CognitoAuthenticator(ICognitoIdentityProvider cognito, CognitoAppClient app, TimeProvider? timeProvider = null, CognitoSrp? srp = null)
    {
        ArgumentNullException.ThrowIfNull(cognito);
        ArgumentNullException.ThrowIfNull(app);
        _cognito = cognito;
        _app = app;
        _time = timeProvider ?? TimeProvider.System;
        _srp = srp ?? new CognitoSrp(_time);
    }

    /// <summary>The app client every flow goes through.</summary>
    public CognitoAppClient App => _app;

    /// <summary>USER_SRP_AUTH: the password never leaves this process.</summary>
    public Task<AuthStep> SignInWithSrpAsync(string username, string password, DeviceSecrets? device = null, IReadOnlyDictionary<string, string>? clientMetadata = null, CancellationToken cancellationToken = default) =>
        StartAsync(AuthFlowType.UserSrpAuth, username, password, device, clientMetadata, cancellationToken);

    /// <summary>USER_PASSWORD_AUTH: the password goes to Cognito over TLS.</summary>
    public Task<AuthStep> SignInWithPasswordAsync(string username, string password, DeviceSecrets? device = null, IReadOnlyDictionary<string, string>? clientMetadata = null, CancellationToken cancellationToken = default) =>
        StartAsync(AuthFlowType.UserPasswordAuth, username, password, device, clientMetadata, cancellationToken);

    /// <summary>ADMIN_USER_PASSWORD_AUTH (warrant's <c>admin_authenticate</c>): signed with IAM credentials.</summary>
    public Task<AuthStep> AdminSignInAsync(string username, string password, DeviceSecrets? device = null, IReadOnlyDictionary<string, string>? clientMetadata = null, CancellationToken cancellationToken = default) =>
        StartAsync(AuthFlowType.AdminUserPasswordAuth, username, password, device, clientMetadata, cancellationToken);

    /// <summary>CUSTOM_AUTH, with an SRP password check first when <paramref name="password"/> is given.</summary>
    public Task<AuthStep> StartCustomAuthAsync(string username, string? password = null, IReadOnlyDictionary<string, string>? clientMetadata = null, CancellationToken cancellationToken = default) =>
        StartAsync(AuthFlowType.CustomAuth, username, password, null, clientMetadata, cancellationToken);

    /// <summary>
    /// Starts any password or custom flow by its Cognito name: USER_SRP_AUTH, USER_PASSWORD_AUTH,
    /// ADMIN_USER_PASSWORD_AUTH (or ADMIN_NO_SRP_AUTH), CUSTOM_AUTH. Refresh has <see cref="RefreshAsync"/>.
    /// </summary>
    public async Task<AuthStep> StartAsync(string authFlow, string username, string? password, DeviceSecrets? device = null, IReadOnlyDictionary<string, string>? clientMetadata = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(authFlow);
        ArgumentNullException.ThrowIfNull(username);
        var flow = authFlow == AdminNoSrpAuth ? AuthFlowType.AdminUserPasswordAuth : authFlow;
        var admin = flow is AuthFlowType.AdminUserPasswordAuth;
        var parameters = new Dictionary<string, string> { ["USERNAME"] = username };
        SrpAttempt? srp = null;

        switch (flow)
        {
            case AuthFlowType.UserSrpAuth:
                RequirePassword(password, flow);
                srp = _srp.StartAttempt();
                parameters["SRP_A"] = srp.SrpA;
                break;
            case AuthFlowType.UserPasswordAuth:
            case AuthFlowType.AdminUserPasswordAuth:
                parameters["PASSWORD"] = RequirePassword(password, flow);
                break;
            case AuthFlowType.CustomAuth:
                if (password is not null)
                {
                    srp = _srp.StartAttempt();
                    parameters["SRP_A"] = srp.SrpA;
                    parameters["CHALLENGE_NAME"] = "SRP_A";
                }

                break;
            case AuthFlowType.UserAuth:
                return await StartUserAuthAsync(username, password is null ? null : ChallengeNameType.PasswordSrp, password, device, clientMetadata, cancellationToken).ConfigureAwait(false);
            case AuthFlowType.RefreshTokenAuth or AuthFlowType.RefreshToken:
                throw new UnsupportedChallengeException("Refresh is not a sign-in: use RefreshAsync.");
            default:
                throw new UnsupportedChallengeException($"The auth flow '{authFlow}' is not one this library starts.");
        }

        if (device is not null)
        {
            parameters["DEVICE_KEY"] = device.DeviceKey;
        }

        AddSecretHash(parameters, username);
        using (srp)
        {
            var outcome = await InitiateAsync(flow, parameters, clientMetadata, admin, cancellationToken).ConfigureAwait(false);
            var context = new FlowContext(username, password, srp, device, admin, clientMetadata);
            return await ContinueAsync(outcome, context, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Answers a challenge. PASSWORD_VERIFIER and the device rounds never reach callers;
    /// a device round that follows this answer is handled when <paramref name="device"/> is given.
    /// </summary>
    public async Task<AuthStep> RespondAsync(AuthChallenge challenge, ChallengeAnswer answer, DeviceSecrets? device = null, IReadOnlyDictionary<string, string>? clientMetadata = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(answer);
        var responses = new Dictionary<string, string> { ["USERNAME"] = challenge.Username };
        var name = challenge.ChallengeName;
        var session = challenge.Session;
        SrpAttempt? srp = null;
        string? password = null;

        switch (name, answer)
        {
            case (ChallengeNameType.NewPasswordRequired, NewPasswordAnswer newPassword):
                responses["NEW_PASSWORD"] = newPassword.NewPassword;
                foreach (var (attribute, value) in newPassword.Attributes ?? new Dictionary<string, string>())
                {
                    responses["userAttributes." + attribute] = value;
                }

                break;
            case (ChallengeNameType.SmsMfa, MfaCodeAnswer code):
                responses["SMS_MFA_CODE"] = code.Code;
                break;
            case (ChallengeNameType.SoftwareTokenMfa, MfaCodeAnswer code):
                responses["SOFTWARE_TOKEN_MFA_CODE"] = code.Code;
                break;
            case (ChallengeNameType.EmailOtp, MfaCodeAnswer code):
                responses["EMAIL_OTP_CODE"] = code.Code;
                break;
            case (ChallengeNameType.SmsOtp, MfaCodeAnswer code):
                responses["SMS_OTP_CODE"] = code.Code;
                break;
            case (ChallengeNameType.SelectMfaType, SelectMfaTypeAnswer select):
                responses["ANSWER"] = select.MfaType;
                break;
            case (ChallengeNameType.MfaSetup, MfaSetupAnswer setup):
                var verified = await _cognito.VerifySoftwareTokenAsync(new VerifySoftwareTokenRequest { Session = session, UserCode = setup.Code, FriendlyDeviceName = setup.FriendlyDeviceName }, cancellationToken).ConfigureAwait(false);
                if (verified.Status != VerifySoftwareTokenResponseType.Success)
                {
                    throw new Errors.CodeMismatchException("The authenticator code was not accepted.");
                }

                session = verified.Session ?? session;
                break;
            case (ChallengeNameType.CustomChallenge, CustomChallengeAnswer custom):
                responses["ANSWER"] = custom.Answer;
                foreach (var (key, value) in custom.Extra ?? new Dictionary<string, string>())
                {
                    responses[key] = value;
                }

                break;
            case (ChallengeNameType.SelectChallenge, SelectChallengeAnswer select):
                (srp, password) = AddFactorAnswer(responses, challenge, select);
                break;
            case (ChallengeNameType.WebAuthn, WebAuthnAnswer webAuthn):
                responses["CREDENTIAL"] = RequireJsonObject(webAuthn.CredentialJson);
                break;
            default:
                throw new UnsupportedChallengeException($"A {answer.GetType().Name} does not answer the challenge '{name}'.");
        }

        if (device is not null && srp is not null)
        {
            responses["DEVICE_KEY"] = device.DeviceKey;
        }

        AddSecretHash(responses, challenge.Username);
        using (srp)
        {
            var outcome = await RespondToChallengeAsync(name, session, responses, challenge.Admin, clientMetadata, cancellationToken).ConfigureAwait(false);
            var context = new FlowContext(challenge.Username, password, srp, device, challenge.Admin, clientMetadata) { InternalUsername = challenge.Username };
            return await ContinueAsync(outcome, context, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>MFA_SETUP, step one: associates an authenticator app with the challenge's session and returns its secret (to show as a QR code) and the challenge to answer next.</summary>
    public async Task<(string SecretCode, AuthChallenge Challenge)> BeginSoftwareTokenSetupAsync(AuthChallenge challenge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        if (challenge.ChallengeName != ChallengeNameType.MfaSetup)
        {
            throw new UnsupportedChallengeException($"Software token setup answers MFA_SETUP, not '{challenge.ChallengeName}'.");
        }

        var association = await _cognito.AssociateSoftwareTokenAsync(new AssociateSoftwareTokenRequest { Session = challenge.Session }, cancellationToken).ConfigureAwait(false);
        var secret = association.SecretCode ?? throw new Errors.CognitoProtocolException("AssociateSoftwareToken returned no secret code.");
        return (secret, challenge with { Session = association.Session ?? challenge.Session, ExpiresAt = _time.GetUtcNow() + SessionLifetime });
    }
}
