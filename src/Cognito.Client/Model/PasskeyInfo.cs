namespace Cognito.Client.Model;

/// <summary>A passkey (WebAuthn credential) registered for the user, as ListWebAuthnCredentials describes it.</summary>
[GenerateSerializer, Immutable, Alias("Cognito.PasskeyInfo")]
public sealed record PasskeyInfo(
    [property: Id(0)] string CredentialId,
    [property: Id(1)] string FriendlyName,
    [property: Id(2)] string RelyingPartyId,
    [property: Id(3)] string? AuthenticatorAttachment,
    [property: Id(4)] IReadOnlyList<string> Transports,
    [property: Id(5)] DateTimeOffset CreatedAt);
