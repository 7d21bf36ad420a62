namespace Cognito.AspNetCore.Sessions;

/// <summary>Names of the session cookie scheme.</summary>
public static class CognitoCookieDefaults
{
    /// <summary>The scheme's default name.</summary>
    public const string AuthenticationScheme = "CognitoSession";

    /// <summary>The authentication cookie's name (HttpOnly, Secure, SameSite=Lax; it holds only the protected session reference).</summary>
    public const string CookieName = ".Cognito.Session";

    /// <summary>The cookie of a sign-in waiting for a challenge answer.</summary>
    public const string PendingCookieName = ".Cognito.Pending";

    /// <summary>The cookie of the device this browser remembers for a user (its device credentials, protected).</summary>
    public const string DeviceCookieName = ".Cognito.Device";

    internal const string SessionClaim = "cognito:session_reference";
}
