namespace Cognito.Testing.SrpFront;

/// <summary>A pool's passkey settings (SetUserPoolMfaConfig's <c>WebAuthnConfiguration</c>), which cognito-local does not keep.</summary>
internal sealed record WebAuthnSetting(string RelyingPartyId, bool UserVerificationRequired);
