namespace Cognito.Client.Model;

/// <summary>A user's tokens as a caller sees them. <see cref="ToString"/> never prints them.</summary>
[GenerateSerializer, Immutable, Alias("Cognito.TokenSet")]
public sealed record TokenSet(
    [property: Id(0)] string AccessToken,
    [property: Id(1)] string? IdToken,
    [property: Id(2)] string? RefreshToken,
    [property: Id(3)] DateTimeOffset ExpiresAt,
    [property: Id(4)] string TokenType = "Bearer")
{
    /// <summary>Never prints a token.</summary>
    public override string ToString() =>
        $"TokenSet {{ AccessToken = ***, IdToken = {(IdToken is null ? "null" : "***")}, RefreshToken = {(RefreshToken is null ? "null" : "***")}, ExpiresAt = {ExpiresAt:O}, TokenType = {TokenType} }}";
}
