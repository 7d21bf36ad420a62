namespace Cognito.Client.Model;

/// <summary>Where Cognito sent a code: a masked destination, the medium, the attribute.</summary>
[GenerateSerializer, Immutable, Alias("Cognito.CodeDelivery")]
public sealed record CodeDelivery(
    [property: Id(0)] string? Destination,
    [property: Id(1)] string? DeliveryMedium,
    [property: Id(2)] string? AttributeName);
