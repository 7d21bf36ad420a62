namespace Cognito.Testing.SrpFront;

/// <summary>A passkey registered for a user: its id, public key and signature counter, and what ListWebAuthnCredentials shows.</summary>
internal sealed record StoredPasskey(
    string CredentialId,
    CoseKey PublicKey,
    uint SignCount,
    string RelyingPartyId,
    string FriendlyName,
    string? Attachment,
    IReadOnlyList<string> Transports,
    DateTimeOffset CreatedAt);
