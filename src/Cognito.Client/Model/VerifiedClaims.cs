namespace Cognito.Client.Model;

/// <summary>The claims of a token whose signature, issuer, audience/client, use and lifetime were checked.</summary>
[GenerateSerializer, Immutable, Alias("Cognito.VerifiedClaims")]
public sealed record VerifiedClaims(
    [property: Id(0)] string TokenUse,
    [property: Id(1)] string Subject,
    [property: Id(2)] string? Username,
    [property: Id(3)] string? ClientId,
    [property: Id(4)] DateTimeOffset ExpiresAt,
    [property: Id(5)] IReadOnlyList<string> Groups,
    [property: Id(6)] IReadOnlyDictionary<string, string> Claims);
