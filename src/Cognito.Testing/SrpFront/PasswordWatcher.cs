using System.Text.Json.Nodes;

namespace Cognito.Testing.SrpFront;

/// <summary>
/// Passes the password-setting operations through and, once cognito-local accepted one, derives
/// the user's new SRP verifier: SignUp, AdminCreateUser, AdminSetUserPassword, ChangePassword,
/// ConfirmForgotPassword. (NEW_PASSWORD_REQUIRED answers are watched by <see cref="ChallengeHandler"/>.)
/// The password is kept in memory only, never logged.
/// </summary>
internal sealed class PasswordWatcher(FrontState state)
{
    public async Task<FrontReply> HandleAsync(FrontRequest request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        AppClientInfo? client = null;
        if (request.Operation is "SignUp" or "ConfirmForgotPassword")
        {
            // SECRET_HASH of these is over the request's own Username.
            client = await state.Directory.FindClientAsync(body.Str("ClientId"), cancellationToken);
            state.VerifySecretHash(client, body.Str("Username"), body.Str("SecretHash"));
        }

        var response = await state.Upstream.ForwardAsync("POST", "/", request.Headers, request.RawBody, cancellationToken);
        if (response.IsSuccess)
        {
            await LearnAsync(request.Operation, body, client, response.JsonBody(), cancellationToken);
        }

        return FrontReply.Of(response);
    }

    private async Task LearnAsync(string operation, JsonObject body, AppClientInfo? client, JsonObject answer, CancellationToken cancellationToken)
    {
        switch (operation)
        {
            case "SignUp" or "ConfirmForgotPassword" when client is not null && body.Str("Username") is { } name && body.Str("Password") is { } password:
                state.Credentials.Set(client.UserPoolId, await state.Users.InternalNameAsync(client.UserPoolId, name, cancellationToken), password);
                break;
            case "AdminCreateUser" when body.Str("UserPoolId") is { } pool:
                var created = answer.Obj("User").Str("Username") ?? body.Str("Username");
                if (created is not null)
                {
                    state.Credentials.Set(pool, created, body.Str("TemporaryPassword") ?? state.Options.DefaultTemporaryPassword);
                }

                break;
            case "AdminSetUserPassword" when body.Str("UserPoolId") is { } pool && body.Str("Username") is { } name && body.Str("Password") is { } password:
                state.Credentials.Set(pool, await state.Users.InternalNameAsync(pool, name, cancellationToken), password);
                break;
            case "ChangePassword" when TokenClaims.TryRead(body.Str("AccessToken")) is { UserPoolId: { } pool, Username: { } user } && body.Str("ProposedPassword") is { } password:
                state.Credentials.Set(pool, user, password);
                break;
        }
    }
}
