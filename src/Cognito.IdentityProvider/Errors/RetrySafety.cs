using System.Net;
using Polly.Timeout;

namespace Cognito.IdentityProvider.Errors;

/// <summary>
/// Which failed attempts may be sent again. An answer to a challenge spends its single-use
/// session once Cognito processes it, so after a timeout or a broken connection, when it may
/// already have been processed, a second send could only be refused with a misleading
/// "Invalid session" NotAuthorizedException. Such answers are re-sent only after Cognito refused
/// them before doing anything (throttling); otherwise the caller gets the typed transient error
/// and starts the sign-in again.
/// </summary>
internal static class RetrySafety
{
    private static readonly HashSet<string> SingleUseSessionOperations = new(StringComparer.Ordinal)
    {
        CognitoOperations.RespondToAuthChallenge.Name,
        CognitoOperations.AdminRespondToAuthChallenge.Name,
        CognitoOperations.AssociateSoftwareToken.Name,
        CognitoOperations.VerifySoftwareToken.Name,
    };

    public static bool MayResend(string? operation, Exception? failure)
    {
        var transient = failure switch
        {
            TimeoutRejectedException => true,
            CognitoTimeoutException => false,
            CognitoException error => CognitoTransience.IsTransient(error),
            _ => false,
        };
        if (!transient || operation is null || !SingleUseSessionOperations.Contains(operation))
        {
            return transient;
        }

        return failure is TooManyRequestsException or CognitoServiceException { StatusCode: HttpStatusCode.TooManyRequests };
    }
}
