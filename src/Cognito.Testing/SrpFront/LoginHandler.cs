using System.Text.Json.Nodes;

namespace Cognito.Testing.SrpFront;

/// <summary>
/// InitiateAuth and AdminInitiateAuth. USER_SRP_AUTH is served here (PASSWORD_VERIFIER issued from
/// the stored verifier); USER_AUTH goes to <see cref="UserAuthHandler"/>, refresh to <see cref="RefreshHandler"/>; any other flow passes
/// through to cognito-local, with SECRET_HASH checked and the answer completed as Cognito would.
/// </summary>
internal sealed class LoginHandler(FrontState state, LoginResults results, RefreshHandler refresh, LoginUsers users, SrpChallengeIssuer srp, UserAuthHandler userAuth)
{
    public async Task<FrontReply> InitiateAsync(FrontRequest request, CancellationToken cancellationToken) =>
        request.Body.Str("AuthFlow") switch
        {
            "USER_SRP_AUTH" => await StartSrpAsync(request, cancellationToken),
            "REFRESH_TOKEN_AUTH" or "REFRESH_TOKEN" => await refresh.InitiateAsync(request, cancellationToken),
            "USER_AUTH" => await userAuth.InitiateAsync(request, cancellationToken),
            _ => await PassThroughAsync(request, cancellationToken),
        };

    private async Task<FrontReply> StartSrpAsync(FrontRequest request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        var client = await state.Directory.GetClientAsync(body.Required("ClientId"), cancellationToken);
        if (request.IsAdmin && body.Required("UserPoolId") != client.UserPoolId)
        {
            throw CognitoFault.ResourceNotFound($"User pool client {client.ClientId} does not exist.");
        }

        var parameters = body.Obj("AuthParameters") ?? throw CognitoFault.MissingParameter("AuthParameters");
        var typed = parameters.Required("USERNAME");
        var srpA = parameters.Required("SRP_A");
        state.VerifySecretHash(client, typed, parameters.Str("SECRET_HASH"));
        var publicA = srp.ParsePublicA(srpA, "USER_SRP_AUTH");

        var pool = await state.Directory.GetPoolAsync(client.UserPoolId, cancellationToken);
        var user = await users.ResolveAsync(pool, client, typed, cancellationToken);
        return FrontReply.Of(srp.Issue(client, pool, user, typed, publicA, parameters.Str("DEVICE_KEY")));
    }

    private async Task<FrontReply> PassThroughAsync(FrontRequest request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        var client = await state.Directory.FindClientAsync(body.Str("ClientId"), cancellationToken);
        var parameters = body.Obj("AuthParameters");
        var typed = parameters.Str("USERNAME");
        state.VerifySecretHash(client, typed, parameters.Str("SECRET_HASH"));

        var response = await state.Upstream.ForwardAsync("POST", "/", request.Headers, request.RawBody, cancellationToken);
        if (!response.IsSuccess || client is null || typed is null)
        {
            return FrontReply.Of(response);
        }

        var answer = response.JsonBody();
        var username = answer.Obj("ChallengeParameters").Str("USER_ID_FOR_SRP")
            ?? TokenClaims.TryRead(answer.Obj("AuthenticationResult").Str("AccessToken"))?.Username
            ?? typed;
        var issueDevice = await results.ShouldIssueDeviceAsync(client.UserPoolId, username, parameters.Str("DEVICE_KEY"), cancellationToken);
        return FrontReply.Of(await results.CompleteAsync(answer, new UpstreamLogin(client.UserPoolId, client.ClientId, username, issueDevice), cancellationToken));
    }
}
