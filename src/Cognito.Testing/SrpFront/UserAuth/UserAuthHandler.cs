using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Cognito.Testing.SrpFront;

/// <summary>
/// Choice-based sign-in (AuthFlow USER_AUTH), which cognito-local lacks. The front offers the
/// factors the pool allows and the user has (<see cref="UserFactors"/>): with PREFERRED_CHALLENGE
/// it starts that factor, otherwise (or when the user lacks it) it answers SELECT_CHALLENGE.
/// PASSWORD is checked by cognito-local (MFA follows there), PASSWORD_SRP leads to the usual
/// PASSWORD_VERIFIER, EMAIL_OTP and SMS_OTP send a code, WEB_AUTHN asks for a passkey's assertion.
/// </summary>
internal sealed class UserAuthHandler(FrontState state, LoginResults results, LoginUsers users, SrpChallengeIssuer srp)
{
    private const string InvalidSession = "Invalid session for the user, session is expired.";
    private const int CodeAttempts = 3;

    public async Task<FrontReply> InitiateAsync(FrontRequest request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        var client = await state.Directory.GetClientAsync(body.Required("ClientId"), cancellationToken);
        if (request.IsAdmin && body.Required("UserPoolId") != client.UserPoolId)
        {
            throw CognitoFault.ResourceNotFound($"User pool client {client.ClientId} does not exist.");
        }

        if (!client.Allows("ALLOW_USER_AUTH"))
        {
            throw state.Reject($"USER_AUTH on client {client.ClientId} without ALLOW_USER_AUTH.", CognitoFault.InvalidParameter("USER_AUTH flow not enabled for this client"));
        }

        var parameters = body.Obj("AuthParameters") ?? throw CognitoFault.MissingParameter("AuthParameters");
        var typed = parameters.Required("USERNAME");
        state.VerifySecretHash(client, typed, parameters.Str("SECRET_HASH"));
        var pool = await state.Directory.GetPoolAsync(client.UserPoolId, cancellationToken);
        var user = await users.ResolveAsync(pool, client, typed, cancellationToken);

        // A phantom (an unknown user, hidden) is offered what any user with a password has.
        var available = UserFactors.Challenges(user is null ? (pool.AllowsFirstFactor("PASSWORD") ? ["PASSWORD"] : []) : UserFactors.Of(state, pool, user));
        var login = new Login(client, pool, user, user?.Username ?? typed, parameters.Str("DEVICE_KEY") is { Length: > 0 } key ? key : null, body.Obj("ClientMetadata"));
        var preferred = parameters.Str("PREFERRED_CHALLENGE");
        if (preferred is not null && available.Contains(preferred, StringComparer.Ordinal))
        {
            return FrontReply.Of(await BeginAsync(preferred, login, parameters, cancellationToken));
        }

        var session = ChallengeSessions.NewSessionId();
        state.Sessions.Add(new SelectChallenge(session, client.ClientId, pool.UserPoolId, login.Username, Expiry(), available, login.DeviceKey, user is null));
        return FrontReply.Of(new JsonObject
        {
            ["ChallengeName"] = "SELECT_CHALLENGE",
            ["ChallengeParameters"] = new JsonObject(),
            ["AvailableChallenges"] = new JsonArray([.. available.Select(c => (JsonNode)c)]),
            ["Session"] = session,
        });
    }

    /// <summary>SELECT_CHALLENGE answered: ANSWER names one of the factors offered, with PASSWORD or SRP_A as that factor needs.</summary>
    public async Task<FrontReply> SelectAsync(FrontRequest request, CancellationToken cancellationToken)
    {
        var responses = request.Body.Obj("ChallengeResponses") ?? throw CognitoFault.MissingParameter("ChallengeResponses");
        var pending = state.Sessions.Take<SelectChallenge>(request.Body.Str("Session"))
            ?? throw state.Reject("SELECT_CHALLENGE answered with an unknown, used or expired session.", CognitoFault.NotAuthorized(InvalidSession));
        var client = await ClientOfAsync(request, pending, cancellationToken);
        state.VerifySecretHash(client, pending.Username, responses.Str("SECRET_HASH"));
        var answer = responses.Required("ANSWER");
        if (!pending.Available.Contains(answer, StringComparer.Ordinal))
        {
            throw state.Reject($"SELECT_CHALLENGE: '{answer}' was not offered.", CognitoFault.InvalidParameter($"The challenge {answer} is not available for this user."));
        }

        var pool = await state.Directory.GetPoolAsync(pending.UserPoolId, cancellationToken);
        var user = pending.Phantom ? null : await state.Users.FindUserAsync(pool.UserPoolId, pending.Username, cancellationToken) ?? throw CognitoFault.UserNotFound();
        var login = new Login(client, pool, user, pending.Username, pending.DeviceKey, request.Body.Obj("ClientMetadata"));
        return FrontReply.Of(await BeginAsync(answer, login, responses, cancellationToken));
    }

    /// <summary>EMAIL_OTP or SMS_OTP answered with the code; a wrong code may be tried again, a few times, under the same session.</summary>
    public async Task<FrontReply> AnswerCodeAsync(FrontRequest request, CancellationToken cancellationToken)
    {
        var responses = request.Body.Obj("ChallengeResponses") ?? throw CognitoFault.MissingParameter("ChallengeResponses");
        var pending = state.Sessions.Peek<OneTimeCodeChallenge>(request.Body.Str("Session"))
            ?? throw state.Reject($"{request.Body.Str("ChallengeName")} answered with an unknown, used or expired session.", CognitoFault.NotAuthorized(InvalidSession));
        var client = await ClientOfAsync(request, pending, cancellationToken);
        state.VerifySecretHash(client, pending.Username, responses.Str("SECRET_HASH"));
        var code = responses.Required(pending.Factor + "_CODE");
        if (!CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(code), System.Text.Encoding.UTF8.GetBytes(pending.Code)))
        {
            // The last wrong attempt ends the session; until then the user may type the code again.
            if (pending.AttemptsLeft <= 1 || !state.Sessions.Replace(pending, pending with { AttemptsLeft = pending.AttemptsLeft - 1 }))
            {
                _ = state.Sessions.Take<OneTimeCodeChallenge>(pending.Session);
            }

            throw state.Reject($"{pending.Factor}: wrong code for '{pending.Username}'.", new CognitoFault("CodeMismatchException", "Invalid code or auth state for the user."));
        }

        _ = state.Sessions.Take<OneTimeCodeChallenge>(pending.Session)
            ?? throw state.Reject($"{pending.Factor} session was used by a concurrent answer.", CognitoFault.NotAuthorized(InvalidSession));
        return FrontReply.Of(await SignedInAsync(client, pending.UserPoolId, pending.Username, pending.DeviceKey, request.Body.Obj("ClientMetadata"), cancellationToken));
    }

    /// <summary>WEB_AUTHN answered with a passkey's assertion (CREDENTIAL), verified against the challenge and the user's stored public key.</summary>
    public async Task<FrontReply> AnswerWebAuthnAsync(FrontRequest request, CancellationToken cancellationToken)
    {
        var responses = request.Body.Obj("ChallengeResponses") ?? throw CognitoFault.MissingParameter("ChallengeResponses");
        var pending = state.Sessions.Take<WebAuthnChallenge>(request.Body.Str("Session"))
            ?? throw state.Reject("WEB_AUTHN answered with an unknown, used or expired session.", CognitoFault.NotAuthorized(InvalidSession));
        var client = await ClientOfAsync(request, pending, cancellationToken);
        state.VerifySecretHash(client, pending.Username, responses.Str("SECRET_HASH"));
        try
        {
            var credential = BrowserJson(responses.Required("CREDENTIAL"));
            var credentialId = PasskeyCeremonies.CredentialIdOf(credential);
            var passkey = state.Passkeys.Find(pending.UserPoolId, pending.Username, credentialId)
                ?? throw new PasskeyFault($"Credential {credentialId} is not a passkey of '{pending.Username}'.");
            var signCount = PasskeyCeremonies.VerifyAssertion(credential, pending, passkey);
            if (!state.Passkeys.Advance(pending.UserPoolId, pending.Username, credentialId, signCount))
            {
                throw new PasskeyFault($"The signature counter {signCount} of passkey {credentialId} did not move past {passkey.SignCount}: a replayed assertion or a cloned authenticator.");
            }
        }
        catch (PasskeyFault fault)
        {
            throw state.Reject($"WEB_AUTHN of '{pending.Username}': {fault.Message}", CognitoFault.NotAuthorized());
        }

        return FrontReply.Of(await SignedInAsync(client, pending.UserPoolId, pending.Username, pending.DeviceKey, request.Body.Obj("ClientMetadata"), cancellationToken));
    }

    private async Task<JsonObject> BeginAsync(string factor, Login login, JsonObject parameters, CancellationToken cancellationToken)
    {
        switch (factor)
        {
            case "PASSWORD_SRP":
                return srp.Issue(login.Client, login.Pool, login.User, login.Username, srp.ParsePublicA(parameters.Str("SRP_A"), "PASSWORD_SRP"), login.DeviceKey);
            case "PASSWORD":
                return await PasswordAsync(login, parameters.Required("PASSWORD"), cancellationToken);
            case "EMAIL_OTP" or "SMS_OTP":
                var attribute = factor == "EMAIL_OTP" ? "email" : "phone_number";
                var session = ChallengeSessions.NewSessionId();
                state.Sessions.Add(new OneTimeCodeChallenge(session, login.Client.ClientId, login.Pool.UserPoolId, login.Username, Expiry(), factor, state.Options.OneTimeCode, CodeAttempts, login.DeviceKey));
                return new JsonObject
                {
                    ["ChallengeName"] = factor,
                    ["ChallengeParameters"] = new JsonObject
                    {
                        ["CODE_DELIVERY_DELIVERY_MEDIUM"] = factor == "EMAIL_OTP" ? "EMAIL" : "SMS",
                        ["CODE_DELIVERY_DESTINATION"] = Mask(login.User!.Attributes.GetValueOrDefault(attribute) ?? string.Empty),
                    },
                    ["Session"] = session,
                };
            default:
                var setting = state.Directory.WebAuthnOf(login.Pool.UserPoolId)!;
                var challenge = RandomNumberGenerator.GetBytes(32);
                var webAuthnSession = ChallengeSessions.NewSessionId();
                state.Sessions.Add(new WebAuthnChallenge(webAuthnSession, login.Client.ClientId, login.Pool.UserPoolId, login.Username, Expiry(), challenge, setting, login.DeviceKey));
                var options = new JsonObject
                {
                    ["challenge"] = Base64Url.EncodeToString(challenge),
                    ["timeout"] = (long)state.Options.SessionLifetime.TotalMilliseconds,
                    ["rpId"] = setting.RelyingPartyId,
                    ["allowCredentials"] = new JsonArray([.. state.Passkeys.List(login.Pool.UserPoolId, login.Username).Select(p => (JsonNode)new JsonObject { ["type"] = "public-key", ["id"] = p.CredentialId })]),
                    ["userVerification"] = setting.UserVerificationRequired ? "required" : "preferred",
                };
                return new JsonObject
                {
                    ["ChallengeName"] = "WEB_AUTHN",
                    ["ChallengeParameters"] = new JsonObject { ["CREDENTIAL_REQUEST_OPTIONS"] = options.ToJsonString() },
                    ["Session"] = webAuthnSession,
                };
        }
    }

    /// <summary>The PASSWORD factor: cognito-local checks the password (USER_PASSWORD_AUTH) and asks for MFA if the user has it.</summary>
    private async Task<JsonObject> PasswordAsync(Login login, string password, CancellationToken cancellationToken)
    {
        if (login.User is null)
        {
            throw state.Reject($"No user '{login.Username}' in {login.Pool.UserPoolId} (user existence errors prevented).");
        }

        var upstream = new JsonObject
        {
            ["AuthFlow"] = "USER_PASSWORD_AUTH",
            ["ClientId"] = login.Client.ClientId,
            ["AuthParameters"] = new JsonObject { ["USERNAME"] = login.Username, ["PASSWORD"] = password },
        };
        if (login.ClientMetadata is not null)
        {
            upstream["ClientMetadata"] = login.ClientMetadata.DeepClone();
        }

        var answer = await state.Upstream.CallAsync("InitiateAuth", upstream, cancellationToken);
        var issueDevice = await results.ShouldIssueDeviceAsync(login.Pool.UserPoolId, login.Username, login.DeviceKey, cancellationToken);
        return await results.CompleteAsync(answer, new UpstreamLogin(login.Pool.UserPoolId, login.Client.ClientId, login.Username, issueDevice), cancellationToken);
    }

    /// <summary>A passwordless factor passed: real tokens from cognito-local, without MFA (Cognito asks none after a passkey or a one-time code).</summary>
    private async Task<JsonObject> SignedInAsync(AppClientInfo client, string userPoolId, string username, string? deviceKey, JsonObject? clientMetadata, CancellationToken cancellationToken)
    {
        var answer = await results.ObtainTokensAsync(client, username, viaDevice: true, clientMetadata, cancellationToken);
        var issueDevice = await results.ShouldIssueDeviceAsync(userPoolId, username, deviceKey, cancellationToken);
        return await results.CompleteAsync(answer, new UpstreamLogin(userPoolId, client.ClientId, username, issueDevice), cancellationToken);
    }

    private async Task<AppClientInfo> ClientOfAsync(FrontRequest request, PendingChallenge pending, CancellationToken cancellationToken)
    {
        if (request.Body.Required("ClientId") != pending.ClientId)
        {
            throw state.Reject($"{request.Body.Str("ChallengeName")}: the session belongs to another app client.", CognitoFault.NotAuthorized(InvalidSession));
        }

        return await state.Directory.GetClientAsync(pending.ClientId, cancellationToken);
    }

    private static JsonObject BrowserJson(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new PasskeyFault("CREDENTIAL is not a JSON object.");
        }
        catch (System.Text.Json.JsonException)
        {
            throw new PasskeyFault("CREDENTIAL is not JSON.");
        }
    }

    /// <summary>Where the code went, as Cognito shows it: <c>d***@e***</c>, <c>+*******0100</c>.</summary>
    private static string Mask(string destination) =>
        destination.IndexOf('@', StringComparison.Ordinal) is var at and > 0 && at < destination.Length - 1
            ? $"{destination[0]}***@{destination[at + 1]}***"
            : destination.Length > 4 ? $"{destination[0]}{new string('*', destination.Length - 5)}{destination[^4..]}" : "***";

    private DateTimeOffset Expiry() => state.Clock.GetUtcNow() + state.Options.SessionLifetime;

    private sealed record Login(AppClientInfo Client, PoolInfo Pool, PoolUser? User, string Username, string? DeviceKey, JsonObject? ClientMetadata);
}
