using Cognito.Client.Model;

namespace Cognito.Client.Grains;

/// <summary>Sign-up and its confirmation (warrant: register, confirm_sign_up, admin_confirm_sign_up).</summary>
[Alias("Cognito.IUserRegistration")]
public interface IUserRegistration : IGrainWithStringKey
{
    [Alias("Register")]
    Task<RegistrationResult> RegisterAsync(Registration registration, CancellationToken cancellationToken = default);

    [Alias("ConfirmSignUp")]
    Task ConfirmSignUpAsync(string confirmationCode, CancellationToken cancellationToken = default);

    [Alias("ResendConfirmationCode")]
    Task<CodeDelivery?> ResendConfirmationCodeAsync(CancellationToken cancellationToken = default);

    [Alias("AdminConfirmSignUp")]
    Task AdminConfirmSignUpAsync(CancellationToken cancellationToken = default);
}
