namespace Cognito.IdentityProvider.Authentication;

/// <summary>The tokens of a signed-in session. <see cref="ToString"/> never prints them.</summary>
/// <param name="ExpiresAt">When the access token expires: from <c>ExpiresIn</c>, else from its JWT <c>exp</c>.</param>
/// <param name="NewDevice">The device Cognito asks this client to confirm, when device tracking is on.</param>
public sealed record CognitoTokens(
    string AccessToken,
    string? IdToken,
    string? RefreshToken,
    DateTimeOffset ExpiresAt,
    string TokenType,
    NewDeviceMetadata? NewDevice = null)
{
    /// <summary>Whether the access token is still valid <paramref name="margin"/> after <paramref name="now"/>.</summary>
    public bool IsValidAt(DateTimeOffset now, TimeSpan margin) => now + margin < ExpiresAt;

    /// <summary>Never prints a token.</summary>
    public override string ToString() =>
        $"CognitoTokens {{ AccessToken = ***, IdToken = {(IdToken is null ? "null" : "***")}, RefreshToken = {(RefreshToken is null ? "null" : "***")}, ExpiresAt = {ExpiresAt:O}, TokenType = {TokenType} }}";
}
