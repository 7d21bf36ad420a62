using Cognito.Client.Model;
using Cognito.IdentityProvider.Model;

namespace Cognito.Grains.Users;

/// <summary>From the wire model to what callers get.</summary>
internal static class ModelMapping
{
    public static IEnumerable<KeyValuePair<string, string>> Pairs(IEnumerable<AttributeType>? attributes) =>
        (attributes ?? []).Select(a => KeyValuePair.Create(a.Name, a.Value ?? string.Empty));

    public static List<AttributeType> Attributes(IReadOnlyDictionary<string, string> attributes) =>
        attributes.Select(a => new AttributeType { Name = a.Key, Value = a.Value }).ToList();

    public static CognitoUser User(UserType user, IReadOnlyDictionary<string, string>? attrMap) =>
        CognitoUser.FromAttributes(
            user.Username ?? string.Empty,
            Pairs(user.Attributes),
            attrMap,
            new CognitoUserMetadata(user.UserStatus, user.Enabled, null, user.MFAOptions?.Select(o => o.DeliveryMedium ?? string.Empty).ToList(), user.UserCreateDate, user.UserLastModifiedDate));

    public static CognitoGroup Group(GroupType group) =>
        new(group.GroupName ?? string.Empty, group.Description, group.Precedence, group.RoleArn, group.CreationDate, group.LastModifiedDate);

    public static CodeDelivery? Delivery(CodeDeliveryDetailsType? details) =>
        details is null ? null : new CodeDelivery(details.Destination, details.DeliveryMedium, details.AttributeName);

    public static DeviceInfo Device(DeviceType device)
    {
        var attributes = Pairs(device.DeviceAttributes).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        // "device_status" is the device's validity ("valid"); whether it is remembered is its own attribute.
        var status = attributes.GetValueOrDefault("dev:device_remembered_status");
        bool? remembered = status is null ? null : status == DeviceRememberedStatusType.Remembered;
        return new DeviceInfo(device.DeviceKey ?? string.Empty, attributes.GetValueOrDefault("device_name"), remembered, device.DeviceLastAuthenticatedDate, attributes);
    }
}
