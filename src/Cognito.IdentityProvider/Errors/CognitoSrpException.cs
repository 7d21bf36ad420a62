namespace Cognito.IdentityProvider.Errors;

/// <summary>
/// An SRP value failed one of SRP-6a's safety checks (RFC 5054 section 2.6): A or the server's B is
/// 0 mod N, or u is 0. Going on would let whoever chose such a value compute the session key
/// without knowing the password, so the attempt is abandoned; a new login starts with a new attempt.
/// </summary>
/// <remarks>
/// Cognito itself never sends such values: seeing this error means a broken or hostile endpoint.
/// The check is kept in <see cref="Exception.Data"/> too, like the error code, so it survives
/// serializers that rebuild exceptions from message and data.
/// </remarks>
public sealed class CognitoSrpException : CognitoException
{
    /// <summary>The error code this exception carries.</summary>
    public const string Code = "SrpCheckFailed";

    internal const string CheckKey = "Cognito.SrpCheck";

    /// <summary>An error naming the SRP-6a <paramref name="check"/> that failed.</summary>
    public CognitoSrpException(SrpCheck check, string message, Exception? innerException = null)
        : base(Code, message, innerException)
    {
        Data[CheckKey] = check.ToString();
    }

    /// <summary>Which check failed.</summary>
    public SrpCheck Check => Enum.TryParse<SrpCheck>(Data[CheckKey] as string, out var check) ? check : default;
}
