using Cognito.IdentityProvider.Model;
using Cognito.IdentityProvider.Srp;
using Cognito.IdentityProvider.Tokens;

namespace Cognito.IdentityProvider.Authentication;

/// <summary>
/// Sign-in as a state machine over the wire client: start any flow, get either tokens or the next
/// challenge, answer it, repeat. PASSWORD_VERIFIER and the device rounds are answered here with
/// SRP-6a, so callers only ever see the challenges a person must answer. Every answer after the
/// first call carries the internal username, as SECRET_HASH requires. Stateless and thread-safe:
/// the state of a sign-in travels in the <see cref="AuthChallenge"/> it returns.
/// </summary>
public sealed class CognitoAuthenticator
{
    /// <summary>warrant's name for ADMIN_USER_PASSWORD_AUTH.</summary>
    public const string AdminNoSrpAuth = "ADMIN_NO_SRP_AUTH";

    // Cognito keeps a challenge session for 3 to 15 minutes; assume the shortest.
    private static readonly TimeSpan SessionLifetime = TimeSpan.FromMinutes(3);

    private readonly ICognitoIdentityProvider _cognito;
    private readonly CognitoAppClient _app;
    private readonly TimeProvider _time;
    private readonly CognitoSrp _srp;

    public CognitoAuthenticator(ICognitoIdentityProvider cognito, CognitoAppClient app, TimeProvider? timeProvider = null, CognitoSrp? srp = null)
    {
        ArgumentNullException.ThrowIfNull(cognito);
        ArgumentNullException.ThrowIfNull(app);
        _cognito = cognito;
        _app = app;
        _time = timeProvider ?? TimeProvider.System;
        _srp = srp ?? new CognitoSrp(_time);
    }

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
            default:
                throw new UnsupportedChallengeException($"A {answer.GetType().Name} does not answer the challenge '{name}'.");
        }

        AddSecretHash(responses, challenge.Username);
        var outcome = await RespondToChallengeAsync(name, session, responses, challenge.Admin, clientMetadata, cancellationToken).ConfigureAwait(false);
        var context = new FlowContext(challenge.Username, null, null, device, challenge.Admin, clientMetadata) { InternalUsername = challenge.Username };
        return await ContinueAsync(outcome, context, cancellationToken).ConfigureAwait(false);
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
                    return new AuthChallenge(name, session, context.InternalUsername, parameters, context.Admin, _time.GetUtcNow() + SessionLifetime);
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
            return new Outcome(response.ChallengeName, response.Session, response.ChallengeParameters, response.AuthenticationResult);
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
            return new Outcome(response.ChallengeName, response.Session, response.ChallengeParameters, response.AuthenticationResult);
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

    /// <summary>One answer from InitiateAuth or RespondToAuthChallenge, admin or not.</summary>
    private sealed record Outcome(string? ChallengeName, string? Session, IReadOnlyDictionary<string, string>? Parameters, AuthenticationResultType? Result);

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
