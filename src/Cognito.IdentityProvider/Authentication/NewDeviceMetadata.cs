namespace Cognito.IdentityProvider.Authentication;

/// <summary>A device Cognito has just started tracking; confirm it to remember it.</summary>
public sealed record NewDeviceMetadata(string DeviceKey, string DeviceGroupKey);
