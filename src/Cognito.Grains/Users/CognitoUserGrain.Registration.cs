using Cognito.Client.Model;
using Cognito.IdentityProvider.Model;

namespace Cognito.Grains.Users;

internal sealed partial class CognitoUserGrain
{
    public async Task<RegistrationResult> RegisterAsync(Registration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            return await owner.RegisterAsync(registration, cancellationToken);
        }

        var response = await Pool.Client.SignUpAsync(new SignUpRequest
        {
            ClientId = Pool.App.ClientId,
            Username = Username,
            Password = registration.Password,
            SecretHash = Pool.App.SecretHashFor(Username),
            UserAttributes = ModelMapping.Attributes(registration.CognitoAttributes()),
        }, cancellationToken);
        return new RegistrationResult(response.UserConfirmed, response.UserSub, ModelMapping.Delivery(response.CodeDeliveryDetails));
    }

    public async Task ConfirmSignUpAsync(string confirmationCode, CancellationToken cancellationToken = default)
    {
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            await owner.ConfirmSignUpAsync(confirmationCode, cancellationToken);
            return;
        }

        await Pool.Client.ConfirmSignUpAsync(new ConfirmSignUpRequest
        {
            ClientId = Pool.App.ClientId,
            Username = Username,
            ConfirmationCode = confirmationCode,
            SecretHash = Pool.App.SecretHashFor(Username),
        }, cancellationToken);
    }

    public async Task<CodeDelivery?> ResendConfirmationCodeAsync(CancellationToken cancellationToken = default)
    {
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            return await owner.ResendConfirmationCodeAsync(cancellationToken);
        }

        var response = await Pool.Client.ResendConfirmationCodeAsync(new ResendConfirmationCodeRequest
        {
            ClientId = Pool.App.ClientId,
            Username = Username,
            SecretHash = Pool.App.SecretHashFor(Username),
        }, cancellationToken);
        return ModelMapping.Delivery(response.CodeDeliveryDetails);
    }

    public async Task AdminConfirmSignUpAsync(CancellationToken cancellationToken = default)
    {
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            await owner.AdminConfirmSignUpAsync(cancellationToken);
            return;
        }

        await Pool.Client.AdminConfirmSignUpAsync(new AdminConfirmSignUpRequest { UserPoolId = Pool.UserPoolId, Username = Username }, cancellationToken);
    }
}
