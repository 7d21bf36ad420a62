namespace Cognito.Testing.SrpFront;

/// <summary>
/// An error the front answers with, shaped like Cognito's: HTTP 400 (unless said otherwise) and
/// <c>{"__type":"&lt;Type&gt;","message":"..."}</c>. Also carries errors cognito-local gave the
/// front's own calls, so they reach the caller unchanged.
/// </summary>
public sealed class CognitoFault : Exception
{
    /// <summary>Cognito's message for a wrong username or password.</summary>
    public const string IncorrectCredentials = "Incorrect username or password.";

    /// <summary>An error answer of <paramref name="type"/> with HTTP <paramref name="status"/>.</summary>
    public CognitoFault(string type, string message, int status = 400)
        : base(message)
    {
        Type = type;
        Status = status;
    }

    /// <summary>The error's <c>__type</c>, e.g. <c>NotAuthorizedException</c>.</summary>
    public string Type { get; }

    /// <summary>The HTTP status of the answer.</summary>
    public int Status { get; }

    /// <summary>NotAuthorizedException, by default with Cognito's wrong-credentials message.</summary>
    public static CognitoFault NotAuthorized(string message = IncorrectCredentials) => new("NotAuthorizedException", message);

    /// <summary>InvalidParameterException with <paramref name="message"/>.</summary>
    public static CognitoFault InvalidParameter(string message) => new("InvalidParameterException", message);

    /// <summary>ResourceNotFoundException with <paramref name="message"/>.</summary>
    public static CognitoFault ResourceNotFound(string message) => new("ResourceNotFoundException", message);

    /// <summary>UserNotFoundException, as Cognito words it.</summary>
    public static CognitoFault UserNotFound() => new("UserNotFoundException", "User does not exist.");

    /// <summary>InvalidParameterException for the missing parameter <paramref name="name"/>.</summary>
    public static CognitoFault MissingParameter(string name) => InvalidParameter($"Missing required parameter {name}");
}
