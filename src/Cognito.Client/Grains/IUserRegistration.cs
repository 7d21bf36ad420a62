using Cognito.Client.Model;

namespace Cognito.Client.Grains;

/// <summary>Sign-up and its confirmation (warrant: register, confirm_sign_up, admin_confirm_sign_up).</summary>
[Alias("Cognito.IUserRegistration")]
public interface IUserRegistration : IGrainWithStringKey
{
    /// <summary>Signs the user of this key up (SignUp); the answer says where the confirmation code went.</summary>
    [Alias("Register")]
    Task<RegistrationResult> RegisterAsync(Registration registration, CancellationToken cancellationToken = default);

    /// <summary>Confirms the sign-up with the code Cognito sent (ConfirmSignUp).</summary>
    [Alias("ConfirmSignUp")]
    Task ConfirmSignUpAsync(string confirmationCode, CancellationToken cancellationToken = default);

    /// <summary>Sends the confirmation code again (ResendConfirmationCode).</summary>
    [Alias("ResendConfirmationCode")]
    Task<CodeDelivery?> ResendConfirmationCodeAsync(CancellationToken cancellationToken = default);

    /// <summary>Confirms the sign-up as an administrator, without a code (AdminConfirmSignUp).</summary>
    [Alias("AdminConfirmSignUp")]
    Task AdminConfirmSignUpAsync(CancellationToken cancellationToken = default);
}
