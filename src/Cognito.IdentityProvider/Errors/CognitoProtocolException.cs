namespace Cognito.IdentityProvider.Errors;

/// <summary>The server's answer could not be understood: not JSON, truncated, or not the expected shape.</summary>
public sealed class CognitoProtocolException : CognitoException
{
    public const string Code = "ProtocolError";

    public CognitoProtocolException(string message, Exception? innerException = null)
        : base(Code, message, innerException)
    {
    }
}
