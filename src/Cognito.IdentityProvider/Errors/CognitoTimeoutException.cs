namespace Cognito.IdentityProvider.Errors;

/// <summary>Cognito did not answer within the configured attempt or total timeout.</summary>
public sealed class CognitoTimeoutException : CognitoException
{
    public const string Code = "RequestTimeout";

    public CognitoTimeoutException(string message, Exception? innerException = null)
        : base(Code, message, innerException)
    {
    }
}
