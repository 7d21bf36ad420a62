using System.Text;
using System.Text.Json.Nodes;

namespace Cognito.Testing.SrpFront;

/// <summary>
/// Refresh: InitiateAuth/AdminInitiateAuth REFRESH_TOKEN_AUTH (passed through) and
/// GetTokensFromRefreshToken (served on top of cognito-local's REFRESH_TOKEN_AUTH, with rotation
/// when the app client has it). Both refuse a token issued before the user's global sign-out or
/// rotated out beyond its grace period, and check SECRET_HASH over the internal username.
/// </summary>
internal sealed class RefreshHandler(FrontState state)
{
    public async Task<FrontReply> InitiateAsync(FrontRequest request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        var parameters = body.Obj("AuthParameters") ?? throw CognitoFault.MissingParameter("AuthParameters");
        var presented = parameters.Required("REFRESH_TOKEN");
        var token = Resolve(presented);
        var client = await state.Directory.FindClientAsync(body.Str("ClientId"), cancellationToken);
        state.VerifySecretHash(client, token.Username, parameters.Str("SECRET_HASH"));

        UpstreamResponse response;
        if (token.Upstream == presented)
        {
            response = await state.Upstream.ForwardAsync("POST", "/", request.Headers, request.RawBody, cancellationToken);
        }
        else
        {
            var rewritten = body.DeepClone().AsObject();
            rewritten["AuthParameters"]!["REFRESH_TOKEN"] = token.Upstream;
            response = await state.Upstream.PostAsync(request.Operation, Encoding.UTF8.GetBytes(rewritten.ToJsonString()), cancellationToken);
        }

        if (response.IsSuccess)
        {
            state.Ledger.Observe(response.JsonBody().Obj("AuthenticationResult"));
        }

        return FrontReply.Of(response);
    }

    public async Task<FrontReply> GetTokensAsync(FrontRequest request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        var client = await state.Directory.GetClientAsync(body.Required("ClientId"), cancellationToken);
        VerifyClientSecret(client, body.Str("ClientSecret"));
        var presented = body.Required("RefreshToken");
        var token = Resolve(presented);

        var rotation = state.Directory.RotationOf(client.ClientId);
        if (rotation.Enabled && !state.RefreshTokens.TryRetire(presented, rotation.GracePeriod))
        {
            throw state.Reject("GetTokensFromRefreshToken: the refresh token was already rotated out (concurrent refreshes?).", CognitoFault.NotAuthorized("Invalid Refresh Token."));
        }

        var parameters = new JsonObject { ["REFRESH_TOKEN"] = token.Upstream };
        if (client.ClientSecret is { Length: > 0 } secret && token.Username is { } username)
        {
            parameters["SECRET_HASH"] = SecretHashCheck.Compute(secret, username, client.ClientId);
        }

        if (body.Str("DeviceKey") is { } deviceKey)
        {
            parameters["DEVICE_KEY"] = deviceKey;
        }

        var upstreamRequest = new JsonObject { ["ClientId"] = client.ClientId, ["AuthFlow"] = "REFRESH_TOKEN_AUTH", ["AuthParameters"] = parameters };
        if (body.Obj("ClientMetadata") is { } metadata)
        {
            upstreamRequest["ClientMetadata"] = metadata.DeepClone();
        }

        var answer = await state.Upstream.CallAsync("InitiateAuth", upstreamRequest, cancellationToken);
        var result = answer.Obj("AuthenticationResult") ?? throw new CognitoFault("InternalErrorException", "cognito-local answered a refresh without AuthenticationResult.", 500);
        state.Ledger.Observe(result);
        result["RefreshToken"] = rotation.Enabled && token.UserPoolId is { } pool && token.Username is { } user
            ? state.RefreshTokens.Issue(token.Upstream, pool, user)
            : presented;
        return FrontReply.Of(new JsonObject { ["AuthenticationResult"] = result.DeepClone() });
    }

    /// <summary>
    /// The cognito-local token behind a presented one and whose it is; refuses tokens rotated out
    /// beyond their grace period and tokens issued before the user's global sign-out.
    /// </summary>
    private ResolvedRefreshToken Resolve(string presented)
    {
        if (state.RefreshTokens.IsRetired(presented))
        {
            throw state.Reject("Refresh with a token rotated out beyond its grace period.", CognitoFault.NotAuthorized("Invalid Refresh Token."));
        }

        ResolvedRefreshToken token;
        if (state.RefreshTokens.AliasOf(presented) is { } alias)
        {
            token = new ResolvedRefreshToken(alias.UpstreamToken, alias.UserPoolId, alias.Username);
            if (state.Ledger.IsRevoked(alias.UserPoolId, alias.Username, alias.Sequence, issuedAt: null))
            {
                throw state.Reject($"Refresh of '{alias.Username}' with a token issued before their global sign-out.", CognitoFault.NotAuthorized("Refresh Token has been revoked"));
            }
        }
        else
        {
            var claims = TokenClaims.TryRead(presented);
            token = new ResolvedRefreshToken(presented, claims?.UserPoolId, claims?.Username);
            if (claims is not null && state.Ledger.IsRevoked(claims))
            {
                throw state.Reject($"Refresh of '{claims.Username}' with a token issued before their global sign-out.", CognitoFault.NotAuthorized("Refresh Token has been revoked"));
            }
        }

        return token;
    }

    private void VerifyClientSecret(AppClientInfo client, string? presented)
    {
        if (!state.Options.CheckSecretHash || client.ClientSecret is not { Length: > 0 } secret)
        {
            return;
        }

        if (string.IsNullOrEmpty(presented))
        {
            throw CognitoFault.NotAuthorized($"Client {client.ClientId} is configured with secret but ClientSecret was not received");
        }

        if (!string.Equals(presented, secret, StringComparison.Ordinal))
        {
            throw CognitoFault.NotAuthorized($"Unable to verify secret hash for client {client.ClientId}");
        }
    }

    private sealed record ResolvedRefreshToken(string Upstream, string? UserPoolId, string? Username);
}
