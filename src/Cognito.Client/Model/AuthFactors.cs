namespace Cognito.Client.Model;

/// <summary>How the user can sign in (GetUserAuthFactors): the USER_AUTH factors set up and the MFA methods.</summary>
/// <param name="SignInFactors">PASSWORD, EMAIL_OTP, SMS_OTP, WEB_AUTHN: what USER_AUTH can offer this user.</param>
/// <param name="MfaMethods">SMS_MFA, SOFTWARE_TOKEN_MFA, EMAIL_OTP: the MFA methods turned on.</param>
/// <param name="PreferredMfa">The preferred MFA method, if any.</param>
[GenerateSerializer, Immutable, Alias("Cognito.AuthFactors")]
public sealed record AuthFactors(
    [property: Id(0)] IReadOnlyList<string> SignInFactors,
    [property: Id(1)] IReadOnlyList<string> MfaMethods,
    [property: Id(2)] string? PreferredMfa);
