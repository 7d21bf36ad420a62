namespace Cognito.IdentityProvider.Errors;

/// <summary>Cognito could not be reached, or the connection broke, after every retry.</summary>
public sealed class CognitoTransportException : CognitoException
{
    public const string Code = "TransportError";

    public CognitoTransportException(string message, Exception? innerException = null)
        : base(Code, message, innerException)
    {
    }
}
