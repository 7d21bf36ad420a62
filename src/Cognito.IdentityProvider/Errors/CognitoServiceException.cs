using System.Net;

namespace Cognito.IdentityProvider.Errors;

/// <summary>An error Cognito answered with. Modeled errors have a sealed subclass of the same name.</summary>
public class CognitoServiceException : CognitoException
{
    internal const string StatusCodeKey = "Cognito.StatusCode";
    internal const string RequestIdKey = "Cognito.RequestId";

    /// <summary>An error Cognito answered with <paramref name="errorCode"/>.</summary>
    public CognitoServiceException(string errorCode, string message, Exception? innerException = null)
        : base(errorCode, message, innerException)
    {
    }

    /// <summary>The HTTP status of the answer, when it came over HTTP.</summary>
    public HttpStatusCode? StatusCode
    {
        get => Data[StatusCodeKey] is int status ? (HttpStatusCode)status : null;
        init => Data[StatusCodeKey] = value is null ? null : (int)value.Value;
    }

    /// <summary>Cognito's <c>x-amzn-RequestId</c>, for support requests.</summary>
    public string? RequestId
    {
        get => Data[RequestIdKey] as string;
        init => Data[RequestIdKey] = value;
    }
}
