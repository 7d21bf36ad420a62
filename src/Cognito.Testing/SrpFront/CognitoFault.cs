namespace Cognito.Testing.SrpFront;

/// <summary>
/// An error the front answers with, shaped like Cognito's: HTTP 400 (unless said otherwise) and
/// <c>{"__type":"&lt;Type&gt;","message":"..."}</c>. Also carries errors cognito-local gave the
/// front's own calls, so they reach the caller unchanged.
/// </summary>
public sealed class CognitoFault : Exception
{
    public const string IncorrectCredentials = "Incorrect username or password.";

    public CognitoFault(string type, string message, int status = 400)
        : base(message)
    {
        Type = type;
        Status = status;
    }

    public string Type { get; }

    public int Status { get; }

    public static CognitoFault NotAuthorized(string message = IncorrectCredentials) => new("NotAuthorizedException", message);

    public static CognitoFault InvalidParameter(string message) => new("InvalidParameterException", message);

    public static CognitoFault ResourceNotFound(string message) => new("ResourceNotFoundException", message);

    public static CognitoFault UserNotFound() => new("UserNotFoundException", "User does not exist.");

    public static CognitoFault MissingParameter(string name) => InvalidParameter($"Missing required parameter {name}");
}
