using Cognito.IdentityProvider.Errors;

namespace Cognito.IdentityProvider.Authentication;

/// <summary>Cognito asked for a challenge this library cannot answer, or an answer does not fit the challenge.</summary>
public sealed class UnsupportedChallengeException : CognitoException
{
    public const string Code = "UnsupportedChallenge";

    public UnsupportedChallengeException(string message)
        : base(Code, message, null)
    {
    }
}
