using System.Text.Json.Nodes;
using Cognito.IdentityProvider.Tests.Tokens;

namespace Cognito.IdentityProvider.Tests.Authentication;

/// <summary>AWS-shaped answers for scripted sign-ins: challenges and AuthenticationResults with JWT-shaped tokens.</summary>
internal static class ScriptedTokens
{
    /// <summary>A JWT with Cognito's access-token claims; the signature is junk (nothing verifies it here).</summary>
    public static string AccessToken(string username, DateTimeOffset issuedAt, TimeSpan lifetime) =>
        TestJwt.Encode(
            TestJwt.Header("RS256", "scripted"),
            new JsonObject
            {
                ["sub"] = "0c1d2e3f-aaaa-bbbb-cccc-" + username.GetHashCode(StringComparison.Ordinal).ToString("x12", System.Globalization.CultureInfo.InvariantCulture)[..12],
                ["token_use"] = "access",
                ["username"] = username,
                ["client_id"] = "scriptedclient",
                ["iat"] = issuedAt.ToUnixTimeSeconds(),
                ["exp"] = (issuedAt + lifetime).ToUnixTimeSeconds(),
            },
            _ => [1, 2, 3]);

    /// <summary>{"AuthenticationResult":{...},"ChallengeParameters":{}} as AWS answers a finished sign-in.</summary>
    public static JsonObject Result(string username, int? expiresIn = 3600, string? refreshToken = "eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIn0.refresh.token", JsonObject? newDevice = null, DateTimeOffset? issuedAt = null, TimeSpan? lifetime = null)
    {
        var access = AccessToken(username, issuedAt ?? DateTimeOffset.UtcNow, lifetime ?? TimeSpan.FromHours(1));
        var result = new JsonObject { ["AccessToken"] = access, ["IdToken"] = "eyJraWQiOiJpZCJ9.eyJ0b2tlbl91c2UiOiJpZCJ9.c2ln", ["TokenType"] = "Bearer" };
        if (expiresIn is { } seconds)
        {
            result["ExpiresIn"] = seconds;
        }

        if (refreshToken is not null)
        {
            result["RefreshToken"] = refreshToken;
        }

        if (newDevice is not null)
        {
            result["NewDeviceMetadata"] = newDevice;
        }

        return new JsonObject { ["AuthenticationResult"] = result, ["ChallengeParameters"] = new JsonObject() };
    }

    public static JsonObject Challenge(string name, string session, JsonObject parameters) =>
        new() { ["ChallengeName"] = name, ["ChallengeParameters"] = parameters, ["Session"] = session };

    public static string Str(this JsonObject body, params string[] path)
    {
        JsonNode? node = body;
        foreach (var part in path)
        {
            node = node?[part];
        }

        return node?.GetValue<string>() ?? throw new InvalidOperationException($"No {string.Join('.', path)} in the request.");
    }

    public static bool Has(this JsonObject body, params string[] path)
    {
        JsonNode? node = body;
        foreach (var part in path)
        {
            node = node is JsonObject o && o.TryGetPropertyValue(part, out var next) ? next : null;
        }

        return node is not null;
    }
}
