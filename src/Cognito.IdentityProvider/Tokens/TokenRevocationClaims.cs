namespace Cognito.IdentityProvider.Tokens;

/// <summary>The claims of a verified token that say which session and sign-in it belongs to, for <see cref="ITokenRevocationCheck"/>.</summary>
/// <param name="TokenUse">Whether it is an ID or an access token.</param>
/// <param name="Subject">The user's <c>sub</c>.</param>
/// <param name="ClientId">The app client (the matching <c>aud</c> or <c>client_id</c>).</param>
/// <param name="OriginJti">The <c>origin_jti</c>: the same for every token of one session (one refresh token), which RevokeToken ends.</param>
/// <param name="Jti">The token's own <c>jti</c>.</param>
/// <param name="EventId">The <c>event_id</c> of the sign-in.</param>
/// <param name="IssuedAt">The <c>iat</c>: a GlobalSignOut ends every token of the user issued before it.</param>
/// <param name="ExpiresAt">The <c>exp</c>: nothing needs to be remembered about the token after it.</param>
public readonly record struct TokenRevocationClaims(
    TokenUse TokenUse,
    string Subject,
    string ClientId,
    string? OriginJti,
    string? Jti,
    string? EventId,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt);
