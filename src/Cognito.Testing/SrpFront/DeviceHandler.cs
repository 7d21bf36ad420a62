using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Cognito.Testing.SrpFront;

/// <summary>
/// The device operations cognito-local lacks: ConfirmDevice, GetDevice, ListDevices,
/// UpdateDeviceStatus, ForgetDevice, and their admin variants.
/// </summary>
internal sealed class DeviceHandler(FrontState state)
{
    private const int MaxLimit = 60;

    public async Task<FrontReply> HandleAsync(FrontRequest request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        var (pool, username) = await OwnerAsync(request, cancellationToken);
        return request.Operation switch
        {
            "ConfirmDevice" => await ConfirmAsync(pool, username, body, request.SourceIp, cancellationToken),
            "GetDevice" or "AdminGetDevice" => FrontReply.Of(new JsonObject { ["Device"] = state.Devices.Get(pool, username, body.Required("DeviceKey")).ToJson() }),
            "ListDevices" or "AdminListDevices" => List(pool, username, body),
            "UpdateDeviceStatus" or "AdminUpdateDeviceStatus" => UpdateStatus(pool, username, body),
            "ForgetDevice" or "AdminForgetDevice" => Forget(pool, username, body),
            _ => throw new CognitoFault("InternalErrorException", $"{request.Operation} is not a device operation.", 500),
        };
    }

    /// <summary>Whose devices: the access token's user, or the admin call's pool and (resolved) username.</summary>
    private async Task<(string Pool, string Username)> OwnerAsync(FrontRequest request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        if (request.IsAdmin)
        {
            var pool = body.Required("UserPoolId");
            var username = await state.Users.FindAsync(pool, body.Required("Username"), cancellationToken) ?? throw CognitoFault.UserNotFound();
            return (pool, username);
        }

        var claims = TokenClaims.TryRead(body.Required("AccessToken"));
        return claims is { UserPoolId: { } tokenPool, Username: { } tokenUser }
            ? (tokenPool, tokenUser)
            : throw CognitoFault.NotAuthorized("Invalid Access Token");
    }

    private async Task<FrontReply> ConfirmAsync(string pool, string username, JsonObject body, string? sourceIp, CancellationToken cancellationToken)
    {
        var deviceKey = body.Required("DeviceKey");
        var config = body.Obj("DeviceSecretVerifierConfig") ?? throw CognitoFault.MissingParameter("DeviceSecretVerifierConfig");
        byte[] verifierBytes, salt;
        try
        {
            verifierBytes = Convert.FromBase64String(config.Required("PasswordVerifier"));
            salt = Convert.FromBase64String(config.Required("Salt"));
        }
        catch (FormatException)
        {
            throw CognitoFault.InvalidParameter("DeviceSecretVerifierConfig is not base64.");
        }

        var verifier = SrpGroup.ToUnsigned(verifierBytes);
        if (verifier.IsZero || verifier >= SrpGroup.N || salt.Length == 0)
        {
            throw state.Reject($"ConfirmDevice {deviceKey}: the verifier is not in [1, N) or the salt is empty.", CognitoFault.InvalidParameter("DeviceSecretVerifierConfig is invalid."));
        }

        var info = await state.Directory.GetPoolAsync(pool, cancellationToken);
        var promptOnly = state.Directory.DeviceTrackingOf(info)?.RememberOnUserPromptOnly ?? false;
        var now = state.Clock.GetUtcNow();
        state.Devices.Update(pool, username, deviceKey, d => d with
        {
            Salt = salt,
            Verifier = verifier,
            Name = body.Str("DeviceName") ?? d.Name,
            Remembered = !promptOnly,
            LastIp = sourceIp,
            LastModified = now,
            LastAuthenticated = now,
        });
        return FrontReply.Of(new JsonObject { ["UserConfirmationNecessary"] = promptOnly });
    }

    private FrontReply List(string pool, string username, JsonObject body)
    {
        var limit = body.Int("Limit") ?? MaxLimit;
        if (limit is < 0 or > MaxLimit)
        {
            throw CognitoFault.InvalidParameter($"1 validation error detected: Value '{limit}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to {MaxLimit}");
        }

        var devices = state.Devices.List(pool, username);
        var start = 0;
        if (body.Str("PaginationToken") is { Length: > 0 } token)
        {
            start = DecodePosition(token);
        }

        var page = devices.Skip(start).Take(limit == 0 ? MaxLimit : limit).ToList();
        var next = start + page.Count;
        var answer = new JsonObject { ["Devices"] = new JsonArray([.. page.Select(d => (JsonNode)d.ToJson())]) };
        if (next < devices.Count)
        {
            answer["PaginationToken"] = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("devices:" + next.ToString(CultureInfo.InvariantCulture)));
        }

        return FrontReply.Of(answer);
    }

    private static int DecodePosition(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            if (text.StartsWith("devices:", StringComparison.Ordinal) && int.TryParse(text.AsSpan(8), NumberStyles.None, CultureInfo.InvariantCulture, out var position))
            {
                return position;
            }
        }
        catch (FormatException)
        {
        }

        throw CognitoFault.InvalidParameter("Invalid pagination token.");
    }

    private FrontReply UpdateStatus(string pool, string username, JsonObject body)
    {
        var remembered = body.Str("DeviceRememberedStatus") switch
        {
            "remembered" => true,
            "not_remembered" => false,
            var other => throw CognitoFault.InvalidParameter($"1 validation error detected: Value '{other}' at 'deviceRememberedStatus' failed to satisfy constraint: Member must satisfy enum value set: [remembered, not_remembered]"),
        };
        var now = state.Clock.GetUtcNow();
        state.Devices.Update(pool, username, body.Required("DeviceKey"), d => d.Confirmed
            ? d with { Remembered = remembered, LastModified = now }
            : throw CognitoFault.ResourceNotFound("Device does not exist."));
        return FrontReply.Empty();
    }

    private FrontReply Forget(string pool, string username, JsonObject body)
    {
        state.Devices.Forget(pool, username, body.Required("DeviceKey"));
        return FrontReply.Empty();
    }
}
