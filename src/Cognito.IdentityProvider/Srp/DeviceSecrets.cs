using System.Text;

namespace Cognito.IdentityProvider.Srp;

/// <summary>
/// A remembered device, as needed for DEVICE_SRP_AUTH: the <c>DeviceKey</c> and <c>DeviceGroupKey</c>
/// of <c>NewDeviceMetadata</c> and the device password chosen when it was confirmed.
/// </summary>
/// <param name="DevicePassword">Secret; left out of <see cref="object.ToString"/>.</param>
public sealed record DeviceSecrets(string DeviceKey, string DeviceGroupKey, string DevicePassword)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("DeviceKey = ").Append(DeviceKey).Append(", DeviceGroupKey = ").Append(DeviceGroupKey).Append(", DevicePassword = ***");
        return true;
    }
}
