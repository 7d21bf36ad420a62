using Cognito.IdentityProvider.Errors;

namespace Cognito.Client.Errors;

/// <summary>A challenge answer arrived but the grain is not waiting for that challenge (none pending, another one, or it expired).</summary>
public sealed class NoPendingChallengeException : CognitoException
{
    /// <summary>The error code this exception carries.</summary>
    public const string Code = "NoPendingChallenge";

    /// <summary>An error saying which answer had no challenge to answer.</summary>
    public NoPendingChallengeException(string message)
        : base(Code, message, null)
    {
    }
}
