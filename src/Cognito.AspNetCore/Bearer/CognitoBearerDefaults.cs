namespace Cognito.AspNetCore.Bearer;

/// <summary>Names of the bearer scheme.</summary>
public static class CognitoBearerDefaults
{
    /// <summary>The scheme's default name.</summary>
    public const string AuthenticationScheme = "CognitoBearer";
}
