using Cognito.Client.Model;
using Cognito.Web.Mfa;
using Microsoft.AspNetCore.Mvc;

namespace Cognito.Web.Pages.Account;

/// <summary>AssociateSoftwareToken (the secret as a QR code), VerifySoftwareToken, then TOTP as the preferred MFA.</summary>
public sealed class MfaModel : CognitoPageModel
{
    [BindProperty]
    public string? Code { get; set; }

    // Shown again if the code is wrong; the association itself lives in Cognito, so a changed value only breaks the picture.
    [BindProperty]
    public string? Secret { get; set; }

    public string? QrCode => Secret is null ? null : TotpQrCode.DataUri(Session.Username, Secret);

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostStartAsync() => TryAsync(async () =>
    {
        Secret = await Session.CallAsync(g => g.AssociateSoftwareTokenAsync(HttpContext.RequestAborted));
        return Page();
    });

    public Task<IActionResult> OnPostVerifyAsync() => TryAsync(async () =>
    {
        await Session.CallAsync(g => g.VerifySoftwareTokenAsync((Code ?? string.Empty).Trim(), "Authenticator", HttpContext.RequestAborted));
        await Session.CallAsync(g => g.SetMfaPreferenceAsync(new MfaPreference(SoftwareTokenEnabled: true, Preferred: "SOFTWARE_TOKEN_MFA"), HttpContext.RequestAborted));
        Notice = "Your authenticator app is on: sign-ins ask for its code.";
        return RedirectToPage("/Account/Profile");
    });
}
