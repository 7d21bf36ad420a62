using Cognito.Client.Model;
using Cognito.IdentityProvider.Model;

namespace Cognito.Grains.Users;

internal sealed partial class CognitoUserGrain
{
    public async Task<CognitoUser> GetUserAsync(IReadOnlyDictionary<string, string>? attributeMap = null, CancellationToken cancellationToken = default)
    {
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            return await owner.GetUserAsync(attributeMap, cancellationToken);
        }

        var tokens = await EnsureTokensAsync(cancellationToken);
        var user = await Pool.Client.GetUserAsync(new GetUserRequest { AccessToken = tokens.AccessToken }, cancellationToken);
        return CognitoUser.FromAttributes(user.Username, ModelMapping.Pairs(user.UserAttributes), attributeMap, new CognitoUserMetadata(PreferredMfa: user.PreferredMfaSetting, MfaMethods: user.UserMFASettingList));
    }

    public async Task UpdateProfileAsync(IReadOnlyDictionary<string, string> attributes, IReadOnlyDictionary<string, string>? attributeMap = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            await owner.UpdateProfileAsync(attributes, attributeMap, cancellationToken);
            return;
        }

        var tokens = await EnsureTokensAsync(cancellationToken);
        await Pool.Client.UpdateUserAttributesAsync(new UpdateUserAttributesRequest
        {
            AccessToken = tokens.AccessToken,
            UserAttributes = ModelMapping.Attributes(AttributeMapping.ToCognito(attributes, attributeMap)),
        }, cancellationToken);
    }

    public async Task DeleteAttributesAsync(IReadOnlyList<string> attributeNames, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attributeNames);
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            await owner.DeleteAttributesAsync(attributeNames, cancellationToken);
            return;
        }

        var tokens = await EnsureTokensAsync(cancellationToken);
        await Pool.Client.DeleteUserAttributesAsync(new DeleteUserAttributesRequest { AccessToken = tokens.AccessToken, UserAttributeNames = attributeNames }, cancellationToken);
    }

    public async Task<CodeDelivery?> SendVerificationAsync(string attribute = "email", CancellationToken cancellationToken = default)
    {
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            return await owner.SendVerificationAsync(attribute, cancellationToken);
        }

        var tokens = await EnsureTokensAsync(cancellationToken);
        var response = await Pool.Client.GetUserAttributeVerificationCodeAsync(new GetUserAttributeVerificationCodeRequest { AccessToken = tokens.AccessToken, AttributeName = attribute }, cancellationToken);
        return ModelMapping.Delivery(response.CodeDeliveryDetails);
    }

    public async Task ValidateVerificationAsync(string confirmationCode, string attribute = "email", CancellationToken cancellationToken = default)
    {
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            await owner.ValidateVerificationAsync(confirmationCode, attribute, cancellationToken);
            return;
        }

        var tokens = await EnsureTokensAsync(cancellationToken);
        await Pool.Client.VerifyUserAttributeAsync(new VerifyUserAttributeRequest { AccessToken = tokens.AccessToken, AttributeName = attribute, Code = confirmationCode }, cancellationToken);
    }

    public async Task ChangePasswordAsync(string previousPassword, string proposedPassword, CancellationToken cancellationToken = default)
    {
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            await owner.ChangePasswordAsync(previousPassword, proposedPassword, cancellationToken);
            return;
        }

        var tokens = await EnsureTokensAsync(cancellationToken);
        await Pool.Client.ChangePasswordAsync(new ChangePasswordRequest { AccessToken = tokens.AccessToken, PreviousPassword = previousPassword, ProposedPassword = proposedPassword }, cancellationToken);
    }

    public async Task<CodeDelivery?> InitiateForgotPasswordAsync(CancellationToken cancellationToken = default)
    {
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            return await owner.InitiateForgotPasswordAsync(cancellationToken);
        }

        var response = await Pool.Client.ForgotPasswordAsync(new ForgotPasswordRequest { ClientId = Pool.App.ClientId, Username = Username, SecretHash = Pool.App.SecretHashFor(Username) }, cancellationToken);
        return ModelMapping.Delivery(response.CodeDeliveryDetails);
    }

    public async Task ConfirmForgotPasswordAsync(string confirmationCode, string newPassword, CancellationToken cancellationToken = default)
    {
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            await owner.ConfirmForgotPasswordAsync(confirmationCode, newPassword, cancellationToken);
            return;
        }

        await Pool.Client.ConfirmForgotPasswordAsync(new ConfirmForgotPasswordRequest
        {
            ClientId = Pool.App.ClientId,
            Username = Username,
            ConfirmationCode = confirmationCode,
            Password = newPassword,
            SecretHash = Pool.App.SecretHashFor(Username),
        }, cancellationToken);
    }

    public async Task DeleteUserAsync(CancellationToken cancellationToken = default)
    {
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            await owner.DeleteUserAsync(cancellationToken);
            return;
        }

        var tokens = await EnsureTokensAsync(cancellationToken);
        await Pool.Client.DeleteUserAsync(new DeleteUserRequest { AccessToken = tokens.AccessToken }, cancellationToken);
        await ForgetUserAsync();
    }

    /// <summary>The user is gone: nothing of theirs stays in this grain.</summary>
    private async Task ForgetUserAsync()
    {
        CancelRefresh();
        state.State = new UserSessionState();
        await state.ClearStateAsync(CancellationToken.None);
    }
}
