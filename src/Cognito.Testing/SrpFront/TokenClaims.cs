using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cognito.Testing.SrpFront;

/// <summary>
/// The payload of a cognito-local JWT, read without checking the signature: the front only needs
/// to know whose token it is and when it was issued (cognito-local's refresh tokens are JWTs too).
/// </summary>
public sealed record TokenClaims(JsonObject Payload)
{
    /// <summary>The internal username: <c>username</c> in access tokens, <c>cognito:username</c> in ID and refresh tokens.</summary>
    public string? Username => Payload.Str("username") ?? Payload.Str("cognito:username");

    public string? Issuer => Payload.Str("iss");

    /// <summary>The user pool id: the issuer's last path segment.</summary>
    public string? UserPoolId => Issuer is { } iss && iss.LastIndexOf('/') is var slash and >= 0 ? iss[(slash + 1)..] : null;

    public string? Jti => Payload.Str("jti");

    public string? ClientId => Payload.Str("client_id") ?? Payload.Str("aud");

    public string? TokenUse => Payload.Str("token_use");

    public DateTimeOffset? IssuedAt => Seconds("iat");

    public DateTimeOffset? AuthTime => Seconds("auth_time");

    public DateTimeOffset? Expires => Seconds("exp");

    private DateTimeOffset? Seconds(string name) =>
        Payload.TryGetPropertyValue(name, out var node) && node is JsonValue value && value.TryGetValue<long>(out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    public static TokenClaims? TryRead(string? token)
    {
        var parts = token?.Split('.');
        if (parts is not { Length: 3 })
        {
            return null;
        }

        try
        {
            var payload = Base64Url.DecodeFromChars(parts[1]);
            return JsonNode.Parse(payload) is JsonObject obj ? new TokenClaims(obj) : null;
        }
        catch (FormatException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
