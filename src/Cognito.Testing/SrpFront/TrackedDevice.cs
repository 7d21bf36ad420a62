using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;

namespace Cognito.Testing.SrpFront;

/// <summary>
/// A device the front issued in NewDeviceMetadata. It is confirmed once ConfirmDevice gave its
/// verifier (<see cref="Salt"/> as the client's bytes, <see cref="Verifier"/> = g^x_dev mod N).
/// </summary>
public sealed record TrackedDevice(string UserPoolId, string Username, string DeviceKey, string DeviceGroupKey, DateTimeOffset Created)
{
    private const string NameMember = "Name";
    private const string ValueMember = "Value";

    /// <summary>The device's SRP salt.</summary>
    public byte[]? Salt { get; init; }

    /// <summary>The device's SRP verifier.</summary>
    public BigInteger? Verifier { get; init; }

    /// <summary>The device's name, as its client gave it.</summary>
    public string? Name { get; init; }

    /// <summary>Whether the user chose to remember the device.</summary>
    public bool Remembered { get; init; }

    /// <summary>The address the device last signed in from.</summary>
    public string? LastIp { get; init; }

    /// <summary>When the device record last changed.</summary>
    public DateTimeOffset LastModified { get; init; } = Created;

    /// <summary>When the device last signed in.</summary>
    public DateTimeOffset? LastAuthenticated { get; init; }

    /// <summary>Whether ConfirmDevice was called for it.</summary>
    public bool Confirmed => Verifier is not null;

    /// <summary>The <c>DeviceType</c> shape of GetDevice and ListDevices.</summary>
    public JsonObject ToJson()
    {
        var attributes = new JsonArray
        {
            Attribute("device_status", "valid"),
            Attribute("dev:device_remembered_status", Remembered ? "remembered" : "not_remembered"),
        };
        if (Name is not null)
        {
            attributes.Add(Attribute("device_name", Name));
        }

        if (LastIp is not null)
        {
            attributes.Add(Attribute("last_ip_used", LastIp));
        }

        var json = new JsonObject
        {
            [nameof(DeviceKey)] = DeviceKey,
            ["DeviceAttributes"] = attributes,
            ["DeviceCreateDate"] = Epoch(Created),
            ["DeviceLastModifiedDate"] = Epoch(LastModified),
        };
        if (LastAuthenticated is { } authenticated)
        {
            json["DeviceLastAuthenticatedDate"] = Epoch(authenticated);
        }

        return json;
    }

    // The AttributeType shape: {"Name": ..., "Value": ...}.
    private static JsonObject Attribute(string attributeName, string attributeValue) => new() { [NameMember] = attributeName, [ValueMember] = attributeValue };

    private static double Epoch(DateTimeOffset instant) => Math.Round(instant.ToUnixTimeMilliseconds() / 1000.0, 3);

    /// <summary>Never prints the verifier.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"TrackedDevice {{ {UserPoolId}/{Username} {DeviceKey}, Confirmed = {Confirmed}, Remembered = {Remembered} }}");
}
