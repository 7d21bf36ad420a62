namespace Cognito.IdentityProvider.Tokens;

/// <summary>A Cognito token whose signature, issuer, app client, kind and lifetime were all checked.</summary>
/// <param name="TokenUse">Whether it is an ID or an access token.</param>
/// <param name="Subject">The user's <c>sub</c>, stable for the life of the user.</param>
/// <param name="Username">The internal user name: <c>cognito:username</c> in ID tokens, <c>username</c> in access tokens (what SECRET_HASH needs).</param>
/// <param name="ClientId">The app client it was issued to: the matching <c>aud</c> of an ID token, the <c>client_id</c> of an access token.</param>
/// <param name="Issuer">The pool's issuer URL.</param>
/// <param name="ExpiresAt">The <c>exp</c> claim.</param>
/// <param name="IssuedAt">The <c>iat</c> claim.</param>
/// <param name="Groups">The <c>cognito:groups</c> claim; empty when the user is in no group.</param>
/// <param name="Scopes">The space-separated <c>scope</c> claim of an access token; empty for ID tokens.</param>
/// <param name="Claims">Every claim of the payload: strings as they are, other values as their JSON text (for example <c>["admins","staff"]</c> or <c>1700000000</c>).</param>
public sealed record VerifiedCognitoToken(
    TokenUse TokenUse,
    string Subject,
    string? Username,
    string ClientId,
    string Issuer,
    DateTimeOffset ExpiresAt,
    DateTimeOffset IssuedAt,
    IReadOnlyList<string> Groups,
    IReadOnlyList<string> Scopes,
    IReadOnlyDictionary<string, string> Claims);
