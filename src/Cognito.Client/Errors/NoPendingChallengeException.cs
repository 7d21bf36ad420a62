using Cognito.IdentityProvider.Errors;

namespace Cognito.Client.Errors;

/// <summary>A challenge answer arrived but the grain is not waiting for that challenge (none pending, another one, or it expired).</summary>
public sealed class NoPendingChallengeException : CognitoException
{
    public const string Code = "NoPendingChallenge";

    public NoPendingChallengeException(string message)
        : base(Code, message, null)
    {
    }
}
