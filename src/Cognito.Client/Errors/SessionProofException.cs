using Cognito.IdentityProvider.Errors;

namespace Cognito.Client.Errors;

/// <summary>
/// A call to a session's grain key did not carry that session's id (see
/// <see cref="Grains.CognitoSessions.Enter"/>): knowing a key is not enough to use its session.
/// </summary>
public sealed class SessionProofException : CognitoException
{
    /// <summary>The error code this exception carries.</summary>
    public const string Code = "SessionProofMissing";

    /// <summary>An error that names neither the session id nor its tokens.</summary>
    public SessionProofException(string message)
        : base(Code, message, null)
    {
    }
}
