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

    /// <summary>The <c>iss</c> claim.</summary>
    public string? Issuer => Payload.Str("iss");

    /// <summary>The user pool id: the issuer's last path segment.</summary>
    public string? UserPoolId => Issuer is { } iss && iss.LastIndexOf('/') is var slash and >= 0 ? iss[(slash + 1)..] : null;

    /// <summary>The <c>jti</c> claim.</summary>
    public string? Jti => Payload.Str("jti");

    /// <summary>The app client: <c>client_id</c> in access tokens, <c>aud</c> in ID tokens.</summary>
    public string? ClientId => Payload.Str("client_id") ?? Payload.Str("aud");

    /// <summary>The <c>token_use</c> claim: <c>access</c> or <c>id</c>.</summary>
    public string? TokenUse => Payload.Str("token_use");

    /// <summary>The <c>iat</c> claim.</summary>
    public DateTimeOffset? IssuedAt => Seconds("iat");

    /// <summary>The <c>auth_time</c> claim.</summary>
    public DateTimeOffset? AuthTime => Seconds("auth_time");

    /// <summary>The <c>exp</c> claim.</summary>
    public DateTimeOffset? Expires => Seconds("exp");

    private DateTimeOffset? Seconds(string name) =>
        Payload.TryGetPropertyValue(name, out var node) && node is JsonValue value && value.TryGetValue<long>(out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    /// <summary>The claims of a JWT's payload, unverified; null when it is not a JWT.</summary>
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
