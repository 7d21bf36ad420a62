namespace Cognito.Testing.SrpFront;

/// <summary>A StartWebAuthnRegistration waiting for its CompleteWebAuthnRegistration: the challenge, for which client and relying party.</summary>
internal sealed record PendingRegistration(byte[] Challenge, string ClientId, WebAuthnSetting Setting, DateTimeOffset ExpiresAt);
