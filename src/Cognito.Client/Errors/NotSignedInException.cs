using Cognito.IdentityProvider.Errors;

namespace Cognito.Client.Errors;

/// <summary>The operation needs a signed-in session and this user's grain has none (never signed in, signed out, or the refresh token was refused).</summary>
public sealed class NotSignedInException : CognitoException
{
    /// <summary>The error code this exception carries.</summary>
    public const string Code = "NotSignedIn";

    /// <summary>An error saying what needs a session.</summary>
    public NotSignedInException(string message)
        : base(Code, message, null)
    {
    }
}
