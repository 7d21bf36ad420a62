using System.Text.Json.Nodes;

namespace Cognito.Testing.SrpFront;

/// <summary>
/// Where cognito-local answers differently from Cognito, the front answers as Cognito does, so code
/// written against the local mode works in AWS: a wrong password is <c>NotAuthorizedException</c>
/// ("Incorrect username or password.", cognito-local says <c>InvalidPasswordException</c>), and
/// CreateGroup of an existing name is refused with <c>GroupExistsException</c> (cognito-local
/// overwrites the group).
/// </summary>
internal sealed class CognitoParity(FrontState state)
{
    /// <summary>cognito-local throws InvalidPasswordError only for a password that does not match, in these.</summary>
    private static readonly HashSet<string> WrongPasswordOperations = new(StringComparer.Ordinal) { "InitiateAuth", "AdminInitiateAuth", "ChangePassword" };

    /// <summary>The fault Cognito would answer with instead of <paramref name="fault"/>, or the same one.</summary>
    public static CognitoFault Translate(string operation, CognitoFault fault) =>
        IsWrongPassword(operation, fault.Type) ? CognitoFault.NotAuthorized() : fault;

    /// <summary>Throws what Cognito would answer when a forwarded reply is one of cognito-local's different errors.</summary>
    public static FrontReply Translate(string operation, FrontReply reply)
    {
        if (reply.Forwarded is { IsSuccess: false } failed && failed.ToFault() is var fault && IsWrongPassword(operation, fault.Type))
        {
            throw CognitoFault.NotAuthorized();
        }

        return reply;
    }

    public async Task<FrontReply> CreateGroupAsync(FrontRequest request, CancellationToken cancellationToken)
    {
        if (request.Body.Str("UserPoolId") is { } pool && request.Body.Str("GroupName") is { } name)
        {
            // ListGroups, not GetGroup: cognito-local returns every group at once (no pagination) and answers a missing one with HTTP 500.
            var groups = await state.Upstream.CallAsync("ListGroups", new JsonObject { ["UserPoolId"] = pool }, cancellationToken);
            if ((groups["Groups"] as JsonArray ?? []).OfType<JsonObject>().Any(g => g.Str("GroupName") == name))
            {
                throw new CognitoFault("GroupExistsException", $"A group with the name {name} already exists.");
            }
        }

        return FrontReply.Of(await state.Upstream.ForwardAsync("POST", "/", request.Headers, request.RawBody, cancellationToken));
    }

    private static bool IsWrongPassword(string operation, string type) =>
        type == "InvalidPasswordException" && WrongPasswordOperations.Contains(operation);
}
