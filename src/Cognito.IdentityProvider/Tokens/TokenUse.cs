namespace Cognito.IdentityProvider.Tokens;

/// <summary>The <c>token_use</c> claim of a Cognito token.</summary>
public enum TokenUse
{
    /// <summary><c>token_use: id</c>, the OpenID Connect ID token; its <c>aud</c> is the app client.</summary>
    Id,

    /// <summary><c>token_use: access</c>; it has no <c>aud</c>, its app client is in <c>client_id</c>.</summary>
    Access,
}
