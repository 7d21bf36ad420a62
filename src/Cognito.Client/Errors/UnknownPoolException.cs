using Cognito.IdentityProvider.Errors;

namespace Cognito.Client.Errors;

/// <summary>The grain key names a pool the silo has no configuration for.</summary>
public sealed class UnknownPoolException : CognitoException
{
    public const string Code = "UnknownPool";

    public UnknownPoolException(string message)
        : base(Code, message, null)
    {
    }
}
