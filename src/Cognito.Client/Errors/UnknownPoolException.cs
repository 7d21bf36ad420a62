using Cognito.IdentityProvider.Errors;

namespace Cognito.Client.Errors;

/// <summary>The grain key names a pool the silo has no configuration for.</summary>
public sealed class UnknownPoolException : CognitoException
{
    /// <summary>The error code this exception carries.</summary>
    public const string Code = "UnknownPool";

    /// <summary>An error naming the pool that is not configured.</summary>
    public UnknownPoolException(string message)
        : base(Code, message, null)
    {
    }
}
