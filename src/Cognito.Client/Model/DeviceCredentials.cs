namespace Cognito.Client.Model;

/// <summary>
/// What proves a remembered device at a later sign-in (device SRP): its key, group and password.
/// A front end keeps them with the device itself, protected, so that another session on that
/// browser can present them. <see cref="ToString"/> never shows the password.
/// </summary>
[GenerateSerializer, Immutable, Alias("Cognito.DeviceCredentials")]
public sealed record DeviceCredentials(
    [property: Id(0)] string DeviceKey,
    [property: Id(1)] string DeviceGroupKey,
    [property: Id(2)] string DevicePassword)
{
    /// <summary>The device key; never the password.</summary>
    public override string ToString() => $"DeviceCredentials {{ DeviceKey = {DeviceKey}, DevicePassword = *** }}";
}
