using Cognito.IdentityProvider.Errors;

namespace Cognito.Client.Errors;

/// <summary>
/// A call that only a user's grain may make to another (handing over a session, confirming an
/// alias, lending a remembered device) came from elsewhere: a client, or another kind of grain.
/// Nothing was read or changed.
/// </summary>
public sealed class InternalCallRefusedException : CognitoException
{
    /// <summary>The error code this exception carries.</summary>
    public const string Code = "InternalCallRefused";

    /// <summary>An error naming the refused call.</summary>
    public InternalCallRefusedException(string message)
        : base(Code, message, null)
    {
    }
}
