namespace Cognito.IdentityProvider.Tokens;

/// <summary>
/// Claims read from a token WITHOUT checking its signature or anything else: fit for bookkeeping
/// about a token this process received from Cognito itself (when to refresh it, which internal
/// username SECRET_HASH needs), never for deciding whom to trust.
/// </summary>
/// <param name="TokenUse">The <c>token_use</c>, when it is <c>id</c> or <c>access</c>.</param>
/// <param name="Username">The internal user name: <c>username</c> (access tokens), else <c>cognito:username</c> (ID tokens).</param>
/// <param name="Subject">The <c>sub</c>.</param>
/// <param name="ExpiresAt">The <c>exp</c>.</param>
/// <param name="IssuedAt">The <c>iat</c>.</param>
public sealed record UnverifiedTokenClaims(
    TokenUse? TokenUse,
    string? Username,
    string? Subject,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? IssuedAt)
{
    /// <summary>The <c>origin_jti</c>, when the token has one: the same for every token of one session (one refresh token).</summary>
    public string? OriginJti { get; init; }

    /// <summary>The <c>event_id</c>, when the token has one: the same for the ID and access token of one issue.</summary>
    public string? EventId { get; init; }
}
