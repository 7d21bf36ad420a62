using System.Text.Json.Nodes;

namespace Cognito.Testing.SrpFront;

/// <summary>
/// The end of a login: real tokens from cognito-local (USER_PASSWORD_AUTH with the stored password),
/// then what Cognito adds to a login's answer — NewDeviceMetadata on a device-tracking pool — and,
/// when cognito-local answers with a challenge instead, a note of whose login it continues.
/// </summary>
internal sealed class LoginResults(FrontState state)
{
    public static CognitoFault NoVerifier(string userPoolId, string username) => new(
        "SrpFront#NoVerifier",
        $"The SRP front has no password for user '{username}' of pool {userPoolId}: create the user and set its password through the front, not directly on cognito-local.",
        500);

    /// <summary>
    /// Logs in at cognito-local with the stored password. After a remembered device proved itself
    /// (<paramref name="viaDevice"/>) ADMIN_USER_PASSWORD_AUTH is used, which cognito-local serves
    /// without MFA — Cognito skips MFA for a remembered device.
    /// </summary>
    public async Task<JsonObject> ObtainTokensAsync(AppClientInfo client, string username, bool viaDevice, JsonObject? clientMetadata, CancellationToken cancellationToken)
    {
        var credential = state.Credentials.Get(client.UserPoolId, username) ?? throw NoVerifier(client.UserPoolId, username);
        var parameters = new JsonObject { ["USERNAME"] = username, ["PASSWORD"] = credential.Password };
        if (client.ClientSecret is { Length: > 0 } secret)
        {
            parameters["SECRET_HASH"] = SecretHashCheck.Compute(secret, username, client.ClientId);
        }

        var request = new JsonObject { ["ClientId"] = client.ClientId, ["AuthParameters"] = parameters };
        if (clientMetadata is not null)
        {
            request["ClientMetadata"] = clientMetadata.DeepClone();
        }

        string operation;
        if (viaDevice)
        {
            operation = "AdminInitiateAuth";
            request["UserPoolId"] = client.UserPoolId;
            request["AuthFlow"] = "ADMIN_USER_PASSWORD_AUTH";
        }
        else
        {
            operation = "InitiateAuth";
            request["AuthFlow"] = "USER_PASSWORD_AUTH";
        }

        try
        {
            return await state.Upstream.CallAsync(operation, request, cancellationToken);
        }
        catch (CognitoFault fault) when (fault.Type == "InvalidPasswordException")
        {
            throw state.Reject($"cognito-local refused the stored password of '{username}': it was changed without passing through the front.");
        }
    }

    /// <summary>Whether a login on this pool, with this device key (null: none), gets NewDeviceMetadata.</summary>
    public async Task<bool> ShouldIssueDeviceAsync(string userPoolId, string username, string? deviceKey, CancellationToken cancellationToken)
    {
        var pool = await state.Directory.GetPoolAsync(userPoolId, cancellationToken);
        return state.Directory.DeviceTrackingOf(pool) is not null && state.Devices.Find(userPoolId, username, deviceKey) is null;
    }

    /// <summary>Adds what Cognito adds to a login's answer, in place, and returns it.</summary>
    public async Task<JsonObject> CompleteAsync(JsonObject answer, UpstreamLogin login, CancellationToken cancellationToken)
    {
        if (answer.Obj("AuthenticationResult") is { } result)
        {
            state.Ledger.Observe(result);
            if (login.IssueDevice && !result.Has("NewDeviceMetadata"))
            {
                var pool = await state.Directory.GetPoolAsync(login.UserPoolId, cancellationToken);
                var device = state.Devices.Issue(pool, login.Username, state.Clock.GetUtcNow());
                result["NewDeviceMetadata"] = new JsonObject { ["DeviceKey"] = device.DeviceKey, ["DeviceGroupKey"] = device.DeviceGroupKey };
            }
        }
        else if (answer.Str("ChallengeName") is not null)
        {
            state.Logins.Add(answer.Str("Session"), login);
        }

        return answer;
    }
}
