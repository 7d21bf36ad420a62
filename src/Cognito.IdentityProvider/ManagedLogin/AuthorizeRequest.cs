namespace Cognito.IdentityProvider.ManagedLogin;

/// <summary>
/// What goes into the authorize URL besides the secrets of the attempt
/// (<see cref="ManagedLoginAttempt"/>): the app client, where Cognito sends the browser back, and
/// what to ask for.
/// </summary>
/// <param name="ClientId">The app client id.</param>
/// <param name="RedirectUri">One of the app client's allowed callback URLs, exactly as registered.</param>
/// <param name="Scopes">The scopes to ask for; <c>openid</c> is needed for an ID token.</param>
/// <param name="IdentityProvider">A federated provider to go to directly (<c>identity_provider</c>), or null for managed login's own page.</param>
/// <param name="Language">The managed-login page's language (<c>lang</c>), or null.</param>
public sealed record AuthorizeRequest(
    string ClientId,
    Uri RedirectUri,
    IReadOnlyList<string> Scopes,
    string? IdentityProvider = null,
    string? Language = null)
{
    /// <summary>The usual scopes of a web sign-in: <c>openid email profile</c>.</summary>
    public static IReadOnlyList<string> DefaultScopes { get; } = ["openid", "email", "profile"];
}
