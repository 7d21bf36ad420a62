using Cognito.Client.Model;

namespace Cognito.Client.Grains;

/// <summary>Device tracking: remember this session's device (so later sign-ins skip MFA), forget it, list devices.</summary>
[Alias("Cognito.IUserDevices")]
public interface IUserDevices : IGrainWithStringKey
{
    /// <summary>Confirms and remembers the device Cognito reported at sign-in; later sign-ins of this grain prove it with device SRP.</summary>
    [Alias("RememberDevice")]
    Task<DeviceInfo> RememberDeviceAsync(string? deviceName = null, CancellationToken cancellationToken = default);

    /// <summary>Forgets a device (this grain's own when <paramref name="deviceKey"/> is null).</summary>
    [Alias("ForgetDevice")]
    Task ForgetDeviceAsync(string? deviceKey = null, CancellationToken cancellationToken = default);

    /// <summary>Every device of the user (every page).</summary>
    [Alias("ListDevices")]
    Task<IReadOnlyList<DeviceInfo>> ListDevicesAsync(CancellationToken cancellationToken = default);
}
