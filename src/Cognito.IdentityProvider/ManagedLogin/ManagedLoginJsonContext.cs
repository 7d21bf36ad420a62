using System.Text.Json.Serialization;

namespace Cognito.IdentityProvider.ManagedLogin;

/// <summary>The token endpoint's answer (RFC 6749 §5.1).</summary>
internal sealed record OAuthTokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("id_token")] string? IdToken,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("token_type")] string? TokenType,
    [property: JsonPropertyName("expires_in")] long? ExpiresIn);

/// <summary>An OAuth error answer (RFC 6749 §5.2).</summary>
internal sealed record OAuthErrorResponse([property: JsonPropertyName("error")] string? Error);

[JsonSerializable(typeof(OAuthTokenResponse))]
[JsonSerializable(typeof(OAuthErrorResponse))]
internal sealed partial class ManagedLoginJsonContext : JsonSerializerContext;
