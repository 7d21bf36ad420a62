namespace Cognito.IdentityProvider.Errors;

/// <summary>The server's answer could not be understood: not JSON, truncated, or not the expected shape.</summary>
public sealed class CognitoProtocolException : CognitoException
{
    /// <summary>The error code this exception carries.</summary>
    public const string Code = "ProtocolError";

    /// <summary>An error about an answer that does not follow the protocol.</summary>
    public CognitoProtocolException(string message, Exception? innerException = null)
        : base(Code, message, innerException)
    {
    }
}
