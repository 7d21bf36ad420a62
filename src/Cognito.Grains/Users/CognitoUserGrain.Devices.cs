using Cognito.Client.Errors;
using Cognito.Client.Model;
using Cognito.IdentityProvider;
using Cognito.IdentityProvider.Authentication;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Model;

namespace Cognito.Grains.Users;

internal sealed partial class CognitoUserGrain
{
    public async Task<DeviceInfo> RememberDeviceAsync(string? deviceName = null, CancellationToken cancellationToken = default)
    {
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            return await owner.RememberDeviceAsync(deviceName, cancellationToken);
        }

        var tokens = await EnsureTokensAsync(cancellationToken);
        var device = State.NewDevice ?? throw new NotSignedInException($"User {_key}'s last sign-in reported no new device to remember (is device tracking on for the pool?).");
        var (credentials, _) = await Pool.Authenticator.ConfirmDeviceAsync(tokens.AccessToken, new NewDeviceMetadata(device.DeviceKey, device.DeviceGroupKey), deviceName, cancellationToken);
        await Pool.Client.UpdateDeviceStatusAsync(new UpdateDeviceStatusRequest { AccessToken = tokens.AccessToken, DeviceKey = device.DeviceKey, DeviceRememberedStatus = DeviceRememberedStatusType.Remembered }, cancellationToken);
        State.Device = new StoredDevice(credentials.DeviceKey, credentials.DeviceGroupKey, credentials.DevicePassword);
        State.NewDevice = null;
        await SaveAsync();
        return new DeviceInfo(device.DeviceKey, deviceName, true, null, new Dictionary<string, string>());
    }

    public Task<DeviceCredentials?> GetRememberedDeviceAsync() =>
        // A user's own key keeps its device to itself; only a session key's holder takes its device to the browser.
        IsSessionKey
            ? Task.FromResult(State.Device is { DevicePassword: { } password } d ? new DeviceCredentials(d.DeviceKey, d.DeviceGroupKey, password) : null)
            : throw new InvalidParameterException("A remembered device's credentials leave only a session key (with its session id); a user's own key keeps its own.");

    public async Task UseRememberedDeviceAsync(DeviceCredentials device)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (!IsSessionKey)
        {
            // Anyone may name a user's own key: a device planted there would join that user's next sign-in.
            // A session key opens only with its unguessable id, so only its own front end can give it one.
            throw new InvalidParameterException("A remembered device is given to a session key (with its session id), not to a user's own key, which remembers its own.");
        }

        if (State.Tokens is not null || State.Challenge is not null || State.OwnerKey is not null)
        {
            throw new InvalidParameterException("A remembered device is given to a session before its sign-in starts, not after.");
        }

        if (string.IsNullOrWhiteSpace(device.DeviceKey) || string.IsNullOrWhiteSpace(device.DeviceGroupKey) || string.IsNullOrEmpty(device.DevicePassword))
        {
            throw new InvalidParameterException("A remembered device needs its key, group key and password.");
        }

        State.Device = new StoredDevice(device.DeviceKey, device.DeviceGroupKey, device.DevicePassword);
        await SaveAsync();
    }

    public async Task ForgetDeviceAsync(string? deviceKey = null, CancellationToken cancellationToken = default)
    {
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            await owner.ForgetDeviceAsync(deviceKey, cancellationToken);
            return;
        }

        var key = deviceKey ?? State.Device?.DeviceKey ?? throw new NotSignedInException($"User {_key} has no remembered device.");
        var tokens = await EnsureTokensAsync(cancellationToken);
        await Pool.Client.ForgetDeviceAsync(new ForgetDeviceRequest { AccessToken = tokens.AccessToken, DeviceKey = key }, cancellationToken);
        if (State.Device?.DeviceKey == key)
        {
            State.Device = null;
            await SaveAsync();
        }
    }

    public async Task<IReadOnlyList<DeviceInfo>> ListDevicesAsync(CancellationToken cancellationToken = default)
    {
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            return await owner.ListDevicesAsync(cancellationToken);
        }

        var tokens = await EnsureTokensAsync(cancellationToken);
        var devices = new List<DeviceInfo>();
        await foreach (var device in Pool.Client.ListDevicesAllAsync(new ListDevicesRequest { AccessToken = tokens.AccessToken }, cancellationToken))
        {
            devices.Add(ModelMapping.Device(device));
        }

        return devices;
    }
}
