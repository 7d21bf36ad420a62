using Cognito.IdentityProvider.Errors;

namespace Cognito.IdentityProvider.Authentication;

/// <summary>Cognito asked for a challenge this library cannot answer, or an answer does not fit the challenge.</summary>
public sealed class UnsupportedChallengeException : CognitoException
{
    /// <summary>The error code this exception carries.</summary>
    public const string Code = "UnsupportedChallenge";

    /// <summary>An error with a message that names the challenge, never its parameters.</summary>
    public UnsupportedChallengeException(string message)
        : base(Code, message, null)
    {
    }
}
