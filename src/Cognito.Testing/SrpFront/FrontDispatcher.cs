using System.Text;
using System.Text.Json.Nodes;

namespace Cognito.Testing.SrpFront;

/// <summary>
/// Routes each JSON 1.1 call: the operations cognito-local lacks or gets wrong are served or
/// watched here; everything else passes through unchanged. Access tokens are checked first for
/// every operation (expired, or revoked by a global sign-out).
/// </summary>
internal sealed class FrontDispatcher
{
    private readonly FrontState _state;
    private readonly LoginHandler _login;
    private readonly ChallengeHandler _challenges;
    private readonly RefreshHandler _refresh;
    private readonly DeviceHandler _devices;
    private readonly SignOutHandler _signOut;
    private readonly PasswordWatcher _passwords;
    private readonly CognitoParity _parity;
    private readonly PasskeyHandler _passkeys;

    public FrontDispatcher(FrontState state)
    {
        _state = state;
        var results = new LoginResults(state);
        _refresh = new RefreshHandler(state);
        var users = new LoginUsers(state);
        var srp = new SrpChallengeIssuer(state);
        var userAuth = new UserAuthHandler(state, results, users, srp);
        _login = new LoginHandler(state, results, _refresh, users, srp, userAuth);
        _challenges = new ChallengeHandler(state, results, srp, userAuth);
        _passkeys = new PasskeyHandler(state);
        _devices = new DeviceHandler(state);
        _signOut = new SignOutHandler(state);
        _passwords = new PasswordWatcher(state);
        _parity = new CognitoParity(state);
    }

    public async Task<FrontReply> HandleAsync(FrontRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return CognitoParity.Translate(request.Operation, await RouteAsync(request, cancellationToken));
        }
        catch (CognitoFault fault)
        {
            var translated = CognitoParity.Translate(request.Operation, fault);
            if (ReferenceEquals(translated, fault))
            {
                throw;
            }

            throw translated;
        }
    }

    private async Task<FrontReply> RouteAsync(FrontRequest request, CancellationToken cancellationToken)
    {
        EnsureAccessTokenUsable(request.Body.Str("AccessToken"));
        switch (request.Operation)
        {
            case "CreateGroup":
                return await _parity.CreateGroupAsync(request, cancellationToken);
            case "InitiateAuth" or "AdminInitiateAuth":
                return await _login.InitiateAsync(request, cancellationToken);
            case "RespondToAuthChallenge" or "AdminRespondToAuthChallenge":
                return await _challenges.RespondAsync(request, cancellationToken);
            case "GetTokensFromRefreshToken":
                return await _refresh.GetTokensAsync(request, cancellationToken);
            case "GlobalSignOut" or "AdminUserGlobalSignOut":
                return await _signOut.HandleAsync(request, cancellationToken);
            case "ConfirmDevice" or "GetDevice" or "ListDevices" or "UpdateDeviceStatus" or "ForgetDevice"
                or "AdminGetDevice" or "AdminListDevices" or "AdminUpdateDeviceStatus" or "AdminForgetDevice":
                return await _devices.HandleAsync(request, cancellationToken);
            case "SignUp" or "AdminCreateUser" or "AdminSetUserPassword" or "ChangePassword" or "ConfirmForgotPassword":
                return await _passwords.HandleAsync(request, cancellationToken);
            case "ConfirmSignUp" or "ResendConfirmationCode" or "ForgotPassword":
                var client = await _state.Directory.FindClientAsync(request.Body.Str("ClientId"), cancellationToken);
                _state.VerifySecretHash(client, request.Body.Str("Username"), request.Body.Str("SecretHash"));
                return FrontReply.Of(await ForwardAsync(request, cancellationToken));
            case "StartWebAuthnRegistration" or "CompleteWebAuthnRegistration" or "ListWebAuthnCredentials" or "DeleteWebAuthnCredential"
                or "GetUserAuthFactors" or "AdminGetUserAuthFactors":
                return await _passkeys.HandleAsync(request, cancellationToken);
            case "GetUserPoolMfaConfig":
                return await MfaConfigAsync(request, cancellationToken);
            case "RevokeToken":
                return await RevokeAsync(request, cancellationToken);
            case "AdminDeleteUser":
                return await DeleteUserAsync(request, cancellationToken);
            case "DeleteUser":
                var response = await ForwardAsync(request, cancellationToken);
                if (response.IsSuccess && TokenClaims.TryRead(request.Body.Str("AccessToken")) is { UserPoolId: { } pool, Username: { } user })
                {
                    Forget(pool, user);
                }

                return FrontReply.Of(response);
            default:
                var answer = await ForwardAsync(request, cancellationToken);
                if (answer.IsSuccess)
                {
                    Learn(request, answer);
                }

                return FrontReply.Of(answer);
        }
    }

    private void EnsureAccessTokenUsable(string? accessToken)
    {
        if (TokenClaims.TryRead(accessToken) is not { } claims)
        {
            return;
        }

        if (_state.Options.RejectExpiredAccessTokens && claims.Expires is { } expires && expires <= _state.Clock.GetUtcNow())
        {
            throw _state.Reject($"Access token of '{claims.Username}' expired at {expires:O}.", CognitoFault.NotAuthorized("Access Token has expired"));
        }

        if (_state.Ledger.IsRevoked(claims))
        {
            throw _state.Reject($"Access token of '{claims.Username}' was issued before their global sign-out.", CognitoFault.NotAuthorized("Access Token has been revoked"));
        }
    }

    /// <summary>Settings cognito-local ignores or the front needs, learned from calls that passed.</summary>
    private void Learn(FrontRequest request, UpstreamResponse response)
    {
        var body = request.Body;
        switch (request.Operation)
        {
            case "CreateUserPoolClient" or "DescribeUserPoolClient" or "UpdateUserPoolClient":
                var client = response.JsonBody().Obj("UserPoolClient");
                _state.Directory.LearnClient(client);
                if (client.Str("ClientId") is { } clientId && request.Operation != "DescribeUserPoolClient")
                {
                    _state.Directory.LearnRotation(clientId, body.Obj("RefreshTokenRotation"));
                }

                break;
            case "ListUserPoolClients":
                foreach (var listed in (response.JsonBody()["UserPoolClients"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    _state.Directory.LearnClient(listed);
                }

                break;
            case "UpdateUserPool" or "DeleteUserPool" when body.Str("UserPoolId") is { } pool:
                _state.Directory.ForgetPool(pool);
                break;
            case "SetUserPoolMfaConfig" when body.Str("UserPoolId") is { } pool:
                _state.Directory.LearnWebAuthn(pool, body.Obj("WebAuthnConfiguration"));
                break;
        }
    }

    /// <summary>cognito-local's answer, with the passkey settings it does not keep.</summary>
    private async Task<FrontReply> MfaConfigAsync(FrontRequest request, CancellationToken cancellationToken)
    {
        var response = await ForwardAsync(request, cancellationToken);
        if (!response.IsSuccess || request.Body.Str("UserPoolId") is not { } pool || _state.Directory.WebAuthnOf(pool) is not { } setting)
        {
            return FrontReply.Of(response);
        }

        var answer = response.JsonBody();
        answer["WebAuthnConfiguration"] = new JsonObject { ["RelyingPartyId"] = setting.RelyingPartyId, ["UserVerification"] = setting.UserVerificationRequired ? "required" : "preferred" };
        return FrontReply.Of(answer);
    }

    private async Task<FrontReply> RevokeAsync(FrontRequest request, CancellationToken cancellationToken)
    {
        if (request.Body.Str("Token") is { } token && _state.RefreshTokens.AliasOf(token) is { } alias)
        {
            var rewritten = request.Body.DeepClone().AsObject();
            rewritten["Token"] = alias.UpstreamToken;
            return FrontReply.Of(await _state.Upstream.PostAsync(request.Operation, Encoding.UTF8.GetBytes(rewritten.ToJsonString()), cancellationToken));
        }

        return FrontReply.Of(await ForwardAsync(request, cancellationToken));
    }

    private async Task<FrontReply> DeleteUserAsync(FrontRequest request, CancellationToken cancellationToken)
    {
        // Resolved before: once deleted, the name no longer leads anywhere.
        var pool = request.Body.Str("UserPoolId");
        var user = pool is not null && request.Body.Str("Username") is { } name ? await _state.Users.FindAsync(pool, name, cancellationToken) : null;
        var response = await ForwardAsync(request, cancellationToken);
        if (response.IsSuccess && pool is not null && user is not null)
        {
            Forget(pool, user);
        }

        return FrontReply.Of(response);
    }

    private void Forget(string pool, string user)
    {
        _state.Credentials.Remove(pool, user);
        _state.Devices.RemoveUser(pool, user);
        _state.Passkeys.RemoveUser(pool, user);
    }

    private Task<UpstreamResponse> ForwardAsync(FrontRequest request, CancellationToken cancellationToken) =>
        _state.Upstream.ForwardAsync("POST", "/", request.Headers, request.RawBody, cancellationToken);
}
