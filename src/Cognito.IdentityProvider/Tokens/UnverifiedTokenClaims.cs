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
    DateTimeOffset? IssuedAt);
