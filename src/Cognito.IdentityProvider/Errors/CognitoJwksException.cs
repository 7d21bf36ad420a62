namespace Cognito.IdentityProvider.Errors;

/// <summary>
/// The pool's signing keys (JWKS) could not be had: the download failed, timed out, or was not a
/// JWKS with RS256 keys. Not a verdict on the token: verification can succeed once the keys load.
/// </summary>
public sealed class CognitoJwksException : CognitoException
{
    /// <summary>The error code this exception carries.</summary>
    public const string Code = "JwksUnavailable";

    /// <summary>An error about the pool's signing keys.</summary>
    public CognitoJwksException(string message, Exception? innerException = null)
        : base(Code, message, innerException)
    {
    }
}
