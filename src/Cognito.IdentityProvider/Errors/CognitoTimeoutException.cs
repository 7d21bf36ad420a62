namespace Cognito.IdentityProvider.Errors;

/// <summary>Cognito did not answer within the configured attempt or total timeout.</summary>
public sealed class CognitoTimeoutException : CognitoException
{
    /// <summary>The error code this exception carries.</summary>
    public const string Code = "RequestTimeout";

    /// <summary>A call that took longer than its timeout.</summary>
    public CognitoTimeoutException(string message, Exception? innerException = null)
        : base(Code, message, innerException)
    {
    }
}
