namespace Cognito.Testing.SrpFront;

/// <summary>
/// Why a passkey's registration or assertion was refused, with the Cognito error type a
/// registration answers with (an assertion always answers NotAuthorizedException).
/// </summary>
internal sealed class PasskeyFault(string reason, string type = PasskeyFault.Invalid) : Exception(reason)
{
    public const string Invalid = "InvalidParameterException";
    public const string NotSupported = "WebAuthnCredentialNotSupportedException";
    public const string OriginNotAllowed = "WebAuthnOriginNotAllowedException";
    public const string RelyingPartyMismatch = "WebAuthnRelyingPartyMismatchException";
    public const string ChallengeNotFound = "WebAuthnChallengeNotFoundException";

    public string Type { get; } = type;
}
