using Cognito.Client.Model;
using Cognito.Grains.Logging;
using Cognito.IdentityProvider.Model;

namespace Cognito.Grains.Users;

internal sealed partial class CognitoUserGrain
{
    public async Task<CognitoUser> AdminGetUserAsync(IReadOnlyDictionary<string, string>? attributeMap = null, CancellationToken cancellationToken = default)
    {
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            return await owner.AdminGetUserAsync(attributeMap, cancellationToken);
        }

        var user = await Pool.Client.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = Pool.UserPoolId, Username = Username }, cancellationToken);
        return CognitoUser.FromAttributes(
            user.Username,
            ModelMapping.Pairs(user.UserAttributes),
            attributeMap,
            new CognitoUserMetadata(user.UserStatus, user.Enabled, user.PreferredMfaSetting, user.UserMFASettingList, user.UserCreateDate, user.UserLastModifiedDate));
    }

    public async Task AdminUpdateProfileAsync(IReadOnlyDictionary<string, string> attributes, IReadOnlyDictionary<string, string>? attributeMap = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            await owner.AdminUpdateProfileAsync(attributes, attributeMap, cancellationToken);
            return;
        }

        await Pool.Client.AdminUpdateUserAttributesAsync(new AdminUpdateUserAttributesRequest
        {
            UserPoolId = Pool.UserPoolId,
            Username = Username,
            UserAttributes = ModelMapping.Attributes(AttributeMapping.ToCognito(attributes, attributeMap)),
        }, cancellationToken);
    }

    public async Task<CognitoUser> AdminCreateUserAsync(NewUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            return await owner.AdminCreateUserAsync(user, cancellationToken);
        }

        var response = await Pool.Client.AdminCreateUserAsync(new AdminCreateUserRequest
        {
            UserPoolId = Pool.UserPoolId,
            Username = Username,
            TemporaryPassword = user.TemporaryPassword,
            MessageAction = user.SuppressMessage ? MessageActionType.Suppress : null,
            DesiredDeliveryMediums = user.DesiredDeliveryMediums,
            UserAttributes = ModelMapping.Attributes(AttributeMapping.ToCognito(user.Attributes, user.AttributeMap)),
        }, cancellationToken);
        return ModelMapping.User(response.User ?? new UserType { Username = Username }, user.AttributeMap);
    }

    public async Task AdminDeleteUserAsync(CancellationToken cancellationToken = default)
    {
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            await owner.AdminDeleteUserAsync(cancellationToken);
            return;
        }

        await Pool.Client.AdminDeleteUserAsync(new AdminDeleteUserRequest { UserPoolId = Pool.UserPoolId, Username = Username }, cancellationToken);
        await ForgetUserAsync();
    }

    public async Task AdminEnableUserAsync(CancellationToken cancellationToken = default)
    {
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            await owner.AdminEnableUserAsync(cancellationToken);
            return;
        }

        await Pool.Client.AdminEnableUserAsync(new AdminEnableUserRequest { UserPoolId = Pool.UserPoolId, Username = Username }, cancellationToken);
    }

    public async Task AdminDisableUserAsync(CancellationToken cancellationToken = default)
    {
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            await owner.AdminDisableUserAsync(cancellationToken);
            return;
        }

        await Pool.Client.AdminDisableUserAsync(new AdminDisableUserRequest { UserPoolId = Pool.UserPoolId, Username = Username }, cancellationToken);
    }

    public async Task AdminResetPasswordAsync(CancellationToken cancellationToken = default)
    {
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            await owner.AdminResetPasswordAsync(cancellationToken);
            return;
        }

        await Pool.Client.AdminResetUserPasswordAsync(new AdminResetUserPasswordRequest { UserPoolId = Pool.UserPoolId, Username = Username }, cancellationToken);
    }

    public async Task AdminSetPasswordAsync(string password, bool permanent, CancellationToken cancellationToken = default)
    {
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            await owner.AdminSetPasswordAsync(password, permanent, cancellationToken);
            return;
        }

        await Pool.Client.AdminSetUserPasswordAsync(new AdminSetUserPasswordRequest { UserPoolId = Pool.UserPoolId, Username = Username, Password = password, Permanent = permanent }, cancellationToken);
    }

    public async Task AdminLogoutAsync(CancellationToken cancellationToken = default)
    {
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            await owner.AdminLogoutAsync(cancellationToken);
            return;
        }

        await Pool.Client.AdminUserGlobalSignOutAsync(new AdminUserGlobalSignOutRequest { UserPoolId = Pool.UserPoolId, Username = Username }, cancellationToken);
        await EndEverywhereAsync(await SubjectForAdminAsync());
        GrainLog.SignedOut(logger, _key);
    }
}
