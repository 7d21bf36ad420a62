namespace Cognito.Client.Model;

/// <summary>A device Cognito tracks for a user.</summary>
[GenerateSerializer, Immutable, Alias("Cognito.DeviceInfo")]
public sealed record DeviceInfo(
    [property: Id(0)] string DeviceKey,
    [property: Id(1)] string? Name,
    [property: Id(2)] bool? Remembered,
    [property: Id(3)] DateTimeOffset? LastAuthenticated,
    [property: Id(4)] IReadOnlyDictionary<string, string> Attributes);
