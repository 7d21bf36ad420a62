using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Cognito.Testing.SrpFront;

/// <summary>
/// InitiateAuth and AdminInitiateAuth. USER_SRP_AUTH is served here (PASSWORD_VERIFIER issued from
/// the stored verifier); refresh goes to <see cref="RefreshHandler"/>; any other flow passes
/// through to cognito-local, with SECRET_HASH checked and the answer completed as Cognito would.
/// </summary>
internal sealed class LoginHandler(FrontState state, LoginResults results, RefreshHandler refresh)
{
    public async Task<FrontReply> InitiateAsync(FrontRequest request, CancellationToken cancellationToken) =>
        request.Body.Str("AuthFlow") switch
        {
            "USER_SRP_AUTH" => await StartSrpAsync(request, cancellationToken),
            "REFRESH_TOKEN_AUTH" or "REFRESH_TOKEN" => await refresh.InitiateAsync(request, cancellationToken),
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

        BigInteger publicA;
        try
        {
            publicA = SrpGroup.FromHex(srpA);
        }
        catch (FormatException)
        {
            throw CognitoFault.InvalidParameter("SRP_A is not a hexadecimal number.");
        }

        if (SrpGroup.Mod(publicA).IsZero)
        {
            throw state.Reject("SRP_A is 0 mod N.", CognitoFault.InvalidParameter("SRP_A is invalid."));
        }

        var pool = await state.Directory.GetPoolAsync(client.UserPoolId, cancellationToken);
        var user = await state.Users.ResolveLoginAsync(pool, typed, cancellationToken);
        var phantom = user is null;
        var username = user?.Username;
        BigInteger salt, verifier;
        if (user is { Enabled: false })
        {
            // cognito-local would let a disabled user in; Cognito does not.
            throw state.Reject($"'{user.Username}' is disabled.", CognitoFault.NotAuthorized("User is disabled."));
        }

        if (username is null)
        {
            if (!client.PreventUserExistenceErrors)
            {
                throw state.Reject($"No user '{typed}' in {pool.UserPoolId}.", CognitoFault.UserNotFound());
            }

            // Cognito hides that the user does not exist: a challenge that no password can answer.
            username = typed;
            salt = SrpGroup.ToUnsigned(RandomNumberGenerator.GetBytes(16));
            verifier = BigInteger.ModPow(SrpGroup.G, SrpGroup.RandomExponent(32), SrpGroup.N);
        }
        else
        {
            var credential = state.Credentials.Get(pool.UserPoolId, username) ?? throw LoginResults.NoVerifier(pool.UserPoolId, username);
            salt = credential.Salt;
            verifier = credential.Verifier;
        }

        var (privateB, publicB) = SrpServer.NewEphemeral(verifier);
        var secretBlock = RandomNumberGenerator.GetBytes(96);
        var session = ChallengeSessions.NewSessionId();
        state.Sessions.Add(new PasswordVerifierChallenge(
            session,
            client.ClientId,
            pool.UserPoolId,
            username,
            state.Clock.GetUtcNow() + state.Options.SessionLifetime,
            publicA,
            publicB,
            privateB,
            verifier,
            secretBlock,
            parameters.Str("DEVICE_KEY") is { Length: > 0 } deviceKey ? deviceKey : null,
            phantom));

        return FrontReply.Of(new JsonObject
        {
            ["ChallengeName"] = "PASSWORD_VERIFIER",
            ["ChallengeParameters"] = new JsonObject
            {
                ["SALT"] = SrpGroup.ToHex(salt),
                ["SRP_B"] = SrpGroup.ToHex(publicB),
                ["SECRET_BLOCK"] = Convert.ToBase64String(secretBlock),
                ["USER_ID_FOR_SRP"] = username,
                ["USERNAME"] = username,
            },
            ["Session"] = session,
        });
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
