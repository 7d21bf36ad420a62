using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Cognito.Testing.SrpFront;

/// <summary>
/// RespondToAuthChallenge and AdminRespondToAuthChallenge. PASSWORD_VERIFIER and the device rounds
/// are checked here, USER_AUTH's own challenges in <see cref="UserAuthHandler"/>; every other challenge (new password, MFA) belongs to cognito-local and passes
/// through — as RespondToAuthChallenge, since cognito-local has no admin variant.
/// </summary>
internal sealed class ChallengeHandler(FrontState state, LoginResults results, SrpChallengeIssuer srp, UserAuthHandler userAuth)
{
    private const string InvalidSession = "Invalid session for the user, session is expired.";

    public async Task<FrontReply> RespondAsync(FrontRequest request, CancellationToken cancellationToken) =>
        request.Body.Str("ChallengeName") switch
        {
            "PASSWORD_VERIFIER" => await PasswordVerifierAsync(request, cancellationToken),
            "DEVICE_SRP_AUTH" => await DeviceSrpAsync(request, cancellationToken),
            "DEVICE_PASSWORD_VERIFIER" => await DevicePasswordVerifierAsync(request, cancellationToken),
            "SELECT_CHALLENGE" => await userAuth.SelectAsync(request, cancellationToken),
            "WEB_AUTHN" => await userAuth.AnswerWebAuthnAsync(request, cancellationToken),

            // A first-factor code the front sent; an MFA code belongs to cognito-local's login.
            "EMAIL_OTP" or "SMS_OTP" when state.Logins.Find(request.Body.Str("Session")) is null => await userAuth.AnswerCodeAsync(request, cancellationToken),
            null => throw CognitoFault.MissingParameter("ChallengeName"),
            _ => await PassThroughAsync(request, cancellationToken),
        };

    private async Task<FrontReply> PasswordVerifierAsync(FrontRequest request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        var responses = body.Obj("ChallengeResponses") ?? throw CognitoFault.MissingParameter("ChallengeResponses");
        var secretBlockText = responses.Str("PASSWORD_CLAIM_SECRET_BLOCK");
        var session = body.Str("Session") ?? state.Sessions.SessionOfSecretBlock(secretBlockText);
        var pending = state.Sessions.Peek<PasswordVerifierChallenge>(session)
            ?? throw state.Reject("PASSWORD_VERIFIER answered with an unknown, used or expired session.", CognitoFault.NotAuthorized(InvalidSession));
        var client = await ClientOfAsync(request, pending, cancellationToken);

        // A DEVICE_KEY in the answer replaces the one sent to InitiateAuth; present but null means "none".
        var deviceKey = responses.Has("DEVICE_KEY") ? responses.Str("DEVICE_KEY") : pending.DeviceKey;
        deviceKey = string.IsNullOrEmpty(deviceKey) ? null : deviceKey;
        var pool = await state.Directory.GetPoolAsync(pending.UserPoolId, cancellationToken);
        var tracking = state.Directory.DeviceTrackingOf(pool);
        TrackedDevice? device = null;
        if (deviceKey is not null && tracking is not null && !pending.Phantom)
        {
            // Not using up the session: AWS's JS client retries the same answer without the device key.
            device = state.Devices.Find(pending.UserPoolId, pending.Username, deviceKey)
                ?? throw state.Reject($"DEVICE_KEY {deviceKey} is not a device of '{pending.Username}'.", CognitoFault.ResourceNotFound("Device does not exist."));
        }

        pending = state.Sessions.Take<PasswordVerifierChallenge>(session)
            ?? throw state.Reject("PASSWORD_VERIFIER session was used by a concurrent answer.", CognitoFault.NotAuthorized(InvalidSession));
        state.VerifySecretHash(client, pending.Username, responses.Str("SECRET_HASH"));
        VerifyClaim(responses, pending.Username, pending.SecretBlock, "PASSWORD_VERIFIER");
        if (pending.Phantom)
        {
            throw state.Reject($"No user '{pending.Username}' in {pending.UserPoolId} (user existence errors prevented).");
        }

        var key = SrpServer.SessionKey(pending.PublicA, pending.PublicB, pending.PrivateB, pending.Verifier)
            ?? throw state.Reject("PASSWORD_VERIFIER: A is 0 mod N or u is 0.");
        if (!SrpServer.IsValidClaim(key, pool.PoolName, pending.Username, pending.SecretBlock, responses.Str("TIMESTAMP")!, responses.Str("PASSWORD_CLAIM_SIGNATURE") ?? string.Empty))
        {
            throw state.Reject($"PASSWORD_VERIFIER: the signature of '{pending.Username}' does not match (wrong password, or wrong SRP maths).");
        }

        if (device is { Confirmed: true, Remembered: true })
        {
            var deviceSession = ChallengeSessions.NewSessionId();
            state.Sessions.Add(new DeviceSrpChallenge(deviceSession, client.ClientId, pending.UserPoolId, pending.Username, Expiry(), device.DeviceKey));
            return FrontReply.Of(new JsonObject
            {
                ["ChallengeName"] = "DEVICE_SRP_AUTH",
                ["ChallengeParameters"] = new JsonObject(),
                ["Session"] = deviceSession,
            });
        }

        var answer = await results.ObtainTokensAsync(client, pending.Username, viaDevice: false, body.Obj("ClientMetadata"), cancellationToken);
        var login = new UpstreamLogin(pending.UserPoolId, client.ClientId, pending.Username, IssueDevice: tracking is not null && device is null);
        return FrontReply.Of(await results.CompleteAsync(answer, login, cancellationToken));
    }

    private async Task<FrontReply> DeviceSrpAsync(FrontRequest request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        var responses = body.Obj("ChallengeResponses") ?? throw CognitoFault.MissingParameter("ChallengeResponses");
        var pending = state.Sessions.Take<DeviceSrpChallenge>(body.Str("Session"))
            ?? throw state.Reject("DEVICE_SRP_AUTH answered with an unknown, used or expired session.", CognitoFault.NotAuthorized(InvalidSession));
        var client = await ClientOfAsync(request, pending, cancellationToken);
        state.VerifySecretHash(client, pending.Username, responses.Str("SECRET_HASH"));
        if (responses.Str("USERNAME") != pending.Username)
        {
            throw state.Reject($"DEVICE_SRP_AUTH: USERNAME is not the internal username '{pending.Username}'.");
        }

        if (responses.Str("DEVICE_KEY") != pending.DeviceKey)
        {
            throw state.Reject("DEVICE_SRP_AUTH: DEVICE_KEY is not the device that started the login.");
        }

        var device = state.Devices.Get(pending.UserPoolId, pending.Username, pending.DeviceKey);
        if (device is not { Verifier: { } verifier, Salt: { } salt })
        {
            throw state.Reject($"DEVICE_SRP_AUTH: device {pending.DeviceKey} is not confirmed.", CognitoFault.ResourceNotFound("Device does not exist."));
        }

        var publicA = srp.ParsePublicA(responses.Required("SRP_A"), "DEVICE_SRP_AUTH");

        var (privateB, publicB) = SrpServer.NewEphemeral(verifier);
        var secretBlock = RandomNumberGenerator.GetBytes(96);
        var session = ChallengeSessions.NewSessionId();
        state.Sessions.Add(new DevicePasswordVerifierChallenge(session, client.ClientId, pending.UserPoolId, pending.Username, Expiry(), device.DeviceKey, publicA, publicB, privateB, verifier, secretBlock));
        return FrontReply.Of(new JsonObject
        {
            ["ChallengeName"] = "DEVICE_PASSWORD_VERIFIER",
            ["ChallengeParameters"] = new JsonObject
            {
                ["SRP_B"] = SrpGroup.ToHex(publicB),
                // The salt came as base64 of the client's bytes; Cognito hands it back as their hex.
                ["SALT"] = Convert.ToHexStringLower(salt),
                ["SECRET_BLOCK"] = Convert.ToBase64String(secretBlock),
                ["USERNAME"] = pending.Username,
                ["DEVICE_KEY"] = device.DeviceKey,
            },
            ["Session"] = session,
        });
    }

    private async Task<FrontReply> DevicePasswordVerifierAsync(FrontRequest request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        var responses = body.Obj("ChallengeResponses") ?? throw CognitoFault.MissingParameter("ChallengeResponses");
        var pending = state.Sessions.Take<DevicePasswordVerifierChallenge>(body.Str("Session"))
            ?? throw state.Reject("DEVICE_PASSWORD_VERIFIER answered with an unknown, used or expired session.", CognitoFault.NotAuthorized(InvalidSession));
        var client = await ClientOfAsync(request, pending, cancellationToken);
        state.VerifySecretHash(client, pending.Username, responses.Str("SECRET_HASH"));
        if (responses.Str("DEVICE_KEY") != pending.DeviceKey)
        {
            throw state.Reject("DEVICE_PASSWORD_VERIFIER: DEVICE_KEY is not the device being verified.");
        }

        var device = state.Devices.Get(pending.UserPoolId, pending.Username, pending.DeviceKey);
        VerifyClaim(responses, pending.Username, pending.SecretBlock, "DEVICE_PASSWORD_VERIFIER");
        var key = SrpServer.SessionKey(pending.PublicA, pending.PublicB, pending.PrivateB, pending.Verifier)
            ?? throw state.Reject("DEVICE_PASSWORD_VERIFIER: A is 0 mod N or u is 0.");
        if (!SrpServer.IsValidClaim(key, device.DeviceGroupKey, device.DeviceKey, pending.SecretBlock, responses.Str("TIMESTAMP")!, responses.Str("PASSWORD_CLAIM_SIGNATURE") ?? string.Empty))
        {
            throw state.Reject($"DEVICE_PASSWORD_VERIFIER: the signature for device {device.DeviceKey} does not match (wrong device password, or the username used in place of the device key).");
        }

        var now = state.Clock.GetUtcNow();
        state.Devices.Update(pending.UserPoolId, pending.Username, pending.DeviceKey, d => d with { LastAuthenticated = now, LastIp = request.SourceIp ?? d.LastIp });
        var answer = await results.ObtainTokensAsync(client, pending.Username, viaDevice: true, body.Obj("ClientMetadata"), cancellationToken);
        return FrontReply.Of(await results.CompleteAsync(answer, new UpstreamLogin(pending.UserPoolId, client.ClientId, pending.Username, IssueDevice: false), cancellationToken));
    }

    /// <summary>The checks every SRP answer shares: USERNAME, the echoed secret block, the TIMESTAMP.</summary>
    private void VerifyClaim(JsonObject responses, string username, byte[] secretBlock, string round)
    {
        if (responses.Str("USERNAME") != username)
        {
            throw state.Reject($"{round}: USERNAME '{responses.Str("USERNAME")}' is not the internal username '{username}'.");
        }

        var echoed = responses.Str("PASSWORD_CLAIM_SECRET_BLOCK");
        if (echoed is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(echoed), Encoding.ASCII.GetBytes(Convert.ToBase64String(secretBlock))))
        {
            throw state.Reject($"{round}: PASSWORD_CLAIM_SECRET_BLOCK is not the SECRET_BLOCK issued.");
        }

        var timestamp = responses.Str("TIMESTAMP");
        if (!SrpTimestamp.TryParse(timestamp, out var at))
        {
            throw state.Reject($"{round}: TIMESTAMP '{timestamp}' is not 'EEE MMM d HH:mm:ss UTC yyyy' (English, UTC, no leading zero on the day).");
        }

        var skew = (at - state.Clock.GetUtcNow()).Duration();
        if (skew > state.Options.MaxClockSkew)
        {
            throw state.Reject($"{round}: TIMESTAMP '{timestamp}' is {skew} away from the front's clock.");
        }
    }

    private async Task<FrontReply> PassThroughAsync(FrontRequest request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        var responses = body.Obj("ChallengeResponses");
        var session = body.Str("Session");
        var client = await state.Directory.FindClientAsync(body.Str("ClientId"), cancellationToken);
        var login = state.Logins.Find(session);
        state.VerifySecretHash(client, login?.Username ?? responses.Str("USERNAME"), responses.Str("SECRET_HASH"));

        var response = request.IsAdmin
            ? await state.Upstream.PostAsync("RespondToAuthChallenge", request.RawBody, cancellationToken)
            : await state.Upstream.ForwardAsync("POST", "/", request.Headers, request.RawBody, cancellationToken);
        if (!response.IsSuccess || client is null)
        {
            return FrontReply.Of(response);
        }

        var username = login?.Username ?? await state.Users.InternalNameAsync(client.UserPoolId, responses.Str("USERNAME") ?? string.Empty, cancellationToken);
        if (body.Str("ChallengeName") == "NEW_PASSWORD_REQUIRED" && responses.Str("NEW_PASSWORD") is { } newPassword)
        {
            state.Credentials.Set(client.UserPoolId, username, newPassword);
        }

        state.Logins.Remove(session);
        var answer = await results.CompleteAsync(response.JsonBody(), login ?? new UpstreamLogin(client.UserPoolId, client.ClientId, username, IssueDevice: false), cancellationToken);
        await KeepRefreshableAsync(client, username, answer.Obj("AuthenticationResult"), cancellationToken);
        return FrontReply.Of(answer);
    }

    /// <summary>
    /// cognito-local does not store the refresh token of a login finished through a challenge, so
    /// it could never refresh. The front logs in once more (ADMIN_USER_PASSWORD_AUTH, stored) and
    /// lets the caller's token stand for that one.
    /// </summary>
    private async Task KeepRefreshableAsync(AppClientInfo client, string username, JsonObject? result, CancellationToken cancellationToken)
    {
        if (result.Str("RefreshToken") is not { } refreshToken || TokenClaims.TryRead(refreshToken) is not { } claims || state.Credentials.Get(client.UserPoolId, username) is null)
        {
            return;
        }

        var stored = await results.ObtainTokensAsync(client, username, viaDevice: true, clientMetadata: null, cancellationToken);
        if (stored.Obj("AuthenticationResult").Str("RefreshToken") is { } upstreamToken)
        {
            state.RefreshTokens.AddAlias(refreshToken, upstreamToken, client.UserPoolId, username, state.Ledger.SequenceOf(claims) ?? state.Ledger.Stamp());
        }
    }

    private async Task<AppClientInfo> ClientOfAsync(FrontRequest request, PendingChallenge pending, CancellationToken cancellationToken)
    {
        var clientId = request.Body.Required("ClientId");
        if (clientId != pending.ClientId)
        {
            throw state.Reject($"{request.Body.Str("ChallengeName")}: the session belongs to another app client.", CognitoFault.NotAuthorized(InvalidSession));
        }

        return await state.Directory.GetClientAsync(clientId, cancellationToken);
    }

    private DateTimeOffset Expiry() => state.Clock.GetUtcNow() + state.Options.SessionLifetime;
}
