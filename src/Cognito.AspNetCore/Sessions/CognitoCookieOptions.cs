using Cognito.IdentityProvider.Tokens;

namespace Cognito.AspNetCore.Sessions;

/// <summary>The server-side session cookie of a front end: which pool, and how its ID tokens are checked.</summary>
public sealed class CognitoCookieOptions
{
    /// <summary>The pool's configured name in the silo (<c>Cognito:Pools:{name}</c>), <c>main</c> by default.</summary>
    public string Pool { get; set; } = "main";

    /// <summary>The verifier's settings for the session's ID token, which the principal is made from: <c>UserPoolId</c> or <c>Issuer</c>, and <c>ClientIds</c>.</summary>
    public CognitoTokenVerifierOptions Verifier { get; } = new();

    /// <summary>How long a sign-in that waits for a challenge answer (MFA, new password) is kept in its own short cookie: 5 minutes, as Cognito's session.</summary>
    public TimeSpan PendingSignInLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a browser keeps a device the user asked it to remember (its protected device cookie): 365 days.</summary>
    public TimeSpan RememberedDeviceLifetime { get; set; } = TimeSpan.FromDays(365);
}
