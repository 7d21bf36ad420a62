using System.Net;

namespace Cognito.IdentityProvider.Errors;

public static partial class CognitoErrorCatalog
{
    /// <summary>
    /// The typed exception for an error code as Cognito sends it: with or without a namespace
    /// prefix (<c>com.amazonaws...#NotAuthorizedException</c>) or a <c>:</c> suffix (<c>x-amzn-ErrorType</c>).
    /// An unknown code becomes a <see cref="CognitoServiceException"/> that still carries it.
    /// </summary>
    public static CognitoServiceException Create(string rawCode, string? message, HttpStatusCode? statusCode = null, string? requestId = null)
    {
        var code = NormalizeCode(rawCode);
        var text = string.IsNullOrWhiteSpace(message) ? code : message;
        var known = CreateKnown(code, text);
        if (known is not null)
        {
            if (statusCode is not null)
            {
                known.Data[CognitoServiceException.StatusCodeKey] = (int)statusCode.Value;
            }

            known.Data[CognitoServiceException.RequestIdKey] = requestId;
            return known;
        }

        return new CognitoServiceException(code, text) { StatusCode = statusCode, RequestId = requestId };
    }

    /// <summary>The bare error name of a raw <c>__type</c> or <c>x-amzn-ErrorType</c> value.</summary>
    public static string NormalizeCode(string rawCode)
    {
        var code = rawCode.Trim();
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            code = code[..colon];
        }

        var hash = code.LastIndexOf('#');
        if (hash >= 0)
        {
            code = code[(hash + 1)..];
        }

        return code.Length == 0 ? "UnknownError" : code;
    }

    private static partial CognitoServiceException? CreateKnown(string code, string message);
}
