namespace Cognito.IdentityProvider.Errors;

/// <summary>The library is configured in a way that cannot work (no region, a malformed pool id, no credentials for a signed call).</summary>
public sealed class CognitoConfigurationException : CognitoException
{
    /// <summary>The error code this exception carries.</summary>
    public const string Code = "ConfigurationError";

    /// <summary>An error that says which setting is wrong, never its value.</summary>
    public CognitoConfigurationException(string message, Exception? innerException = null)
        : base(Code, message, innerException)
    {
    }
}
