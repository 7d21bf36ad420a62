using System.Net;

namespace Cognito.IdentityProvider.Errors;

/// <summary>Which errors are worth another try: throttling, Cognito's internal errors, 5xx without a specific error, broken connections and timeouts. Nothing else.</summary>
public static class CognitoTransience
{
    /// <summary>The code the client gives a 5xx answer that names no error.</summary>
    public const string UnknownErrorCode = "UnknownError";

    /// <summary>Whether <paramref name="error"/> may succeed when tried again.</summary>
    public static bool IsTransient(CognitoException error) => error switch
    {
        CognitoTransportException or CognitoTimeoutException => true,
        TooManyRequestsException or InternalErrorException => true,
        CognitoServiceException { StatusCode: HttpStatusCode.TooManyRequests } => true,
        CognitoServiceException { StatusCode: HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } => true,
        CognitoServiceException { StatusCode: >= HttpStatusCode.InternalServerError, ErrorCode: UnknownErrorCode } => true,
        _ => false,
    };
}
