namespace Cognito.IdentityProvider.Errors;

/// <summary>Cognito could not be reached, or the connection broke, after every retry.</summary>
public sealed class CognitoTransportException : CognitoException
{
    /// <summary>The error code this exception carries.</summary>
    public const string Code = "TransportError";

    /// <summary>A call that failed on the way: connection refused or reset, TLS, DNS.</summary>
    public CognitoTransportException(string message, Exception? innerException = null)
        : base(Code, message, innerException)
    {
    }
}
