namespace Cognito.IdentityProvider.Errors;

/// <summary>The library is configured in a way that cannot work (no region, a malformed pool id, no credentials for a signed call).</summary>
public sealed class CognitoConfigurationException : CognitoException
{
    public const string Code = "ConfigurationError";

    public CognitoConfigurationException(string message, Exception? innerException = null)
        : base(Code, message, innerException)
    {
    }
}
