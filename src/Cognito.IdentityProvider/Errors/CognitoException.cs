namespace Cognito.IdentityProvider.Errors;

/// <summary>
/// The root of every error this library raises. <see cref="ErrorCode"/> is the Cognito error name
/// (for example <c>NotAuthorizedException</c>) or one of this library's own codes.
/// </summary>
/// <remarks>
/// The code is kept in <see cref="Exception.Data"/> as well as in the type so that it survives
/// serializers (such as Orleans') that rebuild an exception from its message and data.
/// Messages never contain passwords, tokens, secrets or codes.
/// </remarks>
public abstract class CognitoException : Exception
{
    internal const string ErrorCodeKey = "Cognito.ErrorCode";

    /// <summary>An error with its <paramref name="errorCode"/>.</summary>
    protected CognitoException(string errorCode, string message, Exception? innerException)
        : base(message, innerException)
    {
        Data[ErrorCodeKey] = errorCode;
    }

    /// <summary>The Cognito error name, or this library's code for errors Cognito did not send.</summary>
    public string ErrorCode => Data[ErrorCodeKey] as string ?? GetType().Name;
}
