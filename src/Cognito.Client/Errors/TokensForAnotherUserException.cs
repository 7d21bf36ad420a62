using Cognito.IdentityProvider.Errors;

namespace Cognito.Client.Errors;

/// <summary>
/// <c>SignInWithTokensAsync</c> was given tokens of a user other than the grain key's. Tokens
/// obtained elsewhere never make a key stand for another user: only a sign-in through the key, which
/// Cognito answered, can prove that a key is an alias. The key's existing session is left as it was.
/// </summary>
public sealed class TokensForAnotherUserException : CognitoException
{
    /// <summary>The error code this exception carries.</summary>
    public const string Code = "TokensForAnotherUser";

    /// <summary>An error that names neither user nor token.</summary>
    public TokensForAnotherUserException(string message)
        : base(Code, message, null)
    {
    }
}
