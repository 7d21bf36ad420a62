using Cognito.Client.Model;

namespace Cognito.Client.Grains;

/// <summary>Device tracking: remember this session's device (so later sign-ins skip MFA), forget it, list devices.</summary>
[Alias("Cognito.IUserDevices")]
public interface IUserDevices : IGrainWithStringKey
{
    /// <summary>Confirms and remembers the device Cognito reported at sign-in; later sign-ins of this grain prove it with device SRP.</summary>
    [Alias("RememberDevice")]
    Task<DeviceInfo> RememberDeviceAsync(string? deviceName = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The credentials of the device this session key remembered, or null; a front end keeps them in the
    /// browser (see Cognito.AspNetCore's device cookie). A user's own key keeps its device to itself
    /// (InvalidParameterException).
    /// </summary>
    [Alias("GetRememberedDevice")]
    Task<DeviceCredentials?> GetRememberedDeviceAsync();

    /// <summary>
    /// Signs in with a device remembered by an earlier session (its sign-ins prove the device, so
    /// Cognito may skip MFA). Only on a session key (a user's own key remembers its own) and before its
    /// first sign-in step; a device of another user or one forgotten meanwhile is refused by Cognito and
    /// the sign-in goes on without it.
    /// </summary>
    [Alias("UseRememberedDevice")]
    Task UseRememberedDeviceAsync(DeviceCredentials device);

    /// <summary>Forgets a device (this grain's own when <paramref name="deviceKey"/> is null).</summary>
    [Alias("ForgetDevice")]
    Task ForgetDeviceAsync(string? deviceKey = null, CancellationToken cancellationToken = default);

    /// <summary>Every device of the user (every page).</summary>
    [Alias("ListDevices")]
    Task<IReadOnlyList<DeviceInfo>> ListDevicesAsync(CancellationToken cancellationToken = default);
}
