namespace Cognito.IdentityProvider.Authentication;

/// <summary>
/// What a confirmed device needs to prove itself in the DEVICE_SRP_AUTH rounds. The device
/// password never leaves the holder; <see cref="ToString"/> never prints it.
/// </summary>
public sealed record DeviceCredentials(string DeviceKey, string DeviceGroupKey, string DevicePassword)
{
    public override string ToString() => $"DeviceCredentials {{ DeviceKey = {DeviceKey}, DeviceGroupKey = {DeviceGroupKey}, DevicePassword = *** }}";
}
