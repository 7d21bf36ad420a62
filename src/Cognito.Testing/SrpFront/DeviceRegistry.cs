using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Cognito.Testing.SrpFront;

/// <summary>Devices per user, keyed by device key. Records are immutable and replaced atomically.</summary>
internal sealed class DeviceRegistry
{
    private const string GroupKeyAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private readonly ConcurrentDictionary<string, TrackedDevice> _devices = new(StringComparer.Ordinal);

    /// <summary>A new, unconfirmed device: key <c>&lt;region&gt;_&lt;uuid&gt;</c>, group key <c>-&lt;random&gt;</c> as AWS issues them.</summary>
    public TrackedDevice Issue(PoolInfo pool, string username, DateTimeOffset now)
    {
        var device = new TrackedDevice(
            pool.UserPoolId,
            username,
            $"{pool.Region}_{Guid.NewGuid():D}",
            "-" + RandomNumberGenerator.GetString(GroupKeyAlphabet, 9),
            now);
        _devices[device.DeviceKey] = device;
        return device;
    }

    /// <summary>The device when it exists and belongs to that user.</summary>
    public TrackedDevice? Find(string userPoolId, string username, string? deviceKey) =>
        deviceKey is not null && _devices.TryGetValue(deviceKey, out var device) && device.UserPoolId == userPoolId && device.Username == username ? device : null;

    public TrackedDevice Get(string userPoolId, string username, string? deviceKey) =>
        Find(userPoolId, username, deviceKey) ?? throw CognitoFault.ResourceNotFound("Device does not exist.");

    /// <summary>Applies a change to a device of that user; a device forgotten meanwhile is not found.</summary>
    public TrackedDevice Update(string userPoolId, string username, string? deviceKey, Func<TrackedDevice, TrackedDevice> change)
    {
        while (true)
        {
            var current = Get(userPoolId, username, deviceKey);
            var changed = change(current);
            if (_devices.TryUpdate(current.DeviceKey, changed, current))
            {
                return changed;
            }
        }
    }

    public void Forget(string userPoolId, string username, string? deviceKey)
    {
        var device = Get(userPoolId, username, deviceKey);
        _devices.TryRemove(new KeyValuePair<string, TrackedDevice>(device.DeviceKey, device));
    }

    /// <summary>The user's confirmed devices, oldest first.</summary>
    public IReadOnlyList<TrackedDevice> List(string userPoolId, string username) =>
        [.. _devices.Values
            .Where(d => d.UserPoolId == userPoolId && d.Username == username && d.Confirmed)
            .OrderBy(d => d.Created)
            .ThenBy(d => d.DeviceKey, StringComparer.Ordinal)];

    public void RemoveUser(string userPoolId, string username)
    {
        foreach (var device in _devices.Values.Where(d => d.UserPoolId == userPoolId && d.Username == username))
        {
            _devices.TryRemove(device.DeviceKey, out _);
        }
    }
}
