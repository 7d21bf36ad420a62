using System.ComponentModel.DataAnnotations;
using Cognito.AspNetCore.Sessions;
using Cognito.Client.Grains;
using Cognito.Client.Model;
using SignInResult = Cognito.Client.Model.SignInResult;
using Cognito.Web.Mfa;
using Cognito.Web.SignIn;
using Microsoft.AspNetCore.Mvc;

namespace Cognito.Web.Pages.Account;

/// <summary>Answers the challenge a sign-in waits for: new password, MFA code, MFA type, MFA setup with a QR code, or a passkey.</summary>
public sealed class ChallengeModel(CognitoSignIn signIn) : CognitoPageModel
{
    /// <summary>The WEB_AUTHN challenge's parameter with the options for <c>navigator.credentials.get</c>.</summary>
    public const string RequestOptionsParameter = "CREDENTIAL_REQUEST_OPTIONS";

    /// <summary>Where the sign-in page leaves those options for this page (TempData: a protected cookie, read once).</summary>
    public const string PasskeyOptionsKey = "PasskeyRequestOptions";

    [BindProperty(SupportsGet = true), Required]
    public string Name { get; set; } = string.Empty;

    [BindProperty, Required]
    public string Answer { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public bool RememberDevice { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Secret { get; private set; }

    public string? QrCode { get; private set; }

    /// <summary>For WEB_AUTHN: the options the browser's authenticator answers, as JSON.</summary>
    public string? PasskeyOptions { get; private set; }

    public Task<IActionResult> OnGetAsync()
    {
        ModelState.Clear();
        return TryAsync(async () =>
        {
            if (Name == "MFA_SETUP")
            {
                Secret = await signIn.CallPendingAsync(HttpContext, g => g.BeginMfaSetupAsync(HttpContext.RequestAborted));
                QrCode = TotpQrCode.DataUri("pending sign-in", Secret);
            }
            else if (Name == "WEB_AUTHN")
            {
                PasskeyOptions = TempData[PasskeyOptionsKey] as string;
                if (PasskeyOptions is null)
                {
                    ModelState.AddModelError(string.Empty, "This passkey sign-in has expired: start again.");
                }
            }

            return Page();
        });
    }

    public Task<IActionResult> OnPostAsync() => TryAsync(async () =>
    {
        var result = await signIn.ContinueAsync(HttpContext, Answering(Answer.Trim()));
        return await SignInSteps.NextAsync(HttpContext, Url, signIn, result, RememberDevice, ReturnUrl);
    });

    private Func<ICognitoUserGrain, Task<SignInResult>> Answering(string answer) => Name switch
    {
        "NEW_PASSWORD_REQUIRED" => g => g.RespondToNewPasswordAsync(answer, cancellationToken: HttpContext.RequestAborted),
        "SELECT_MFA_TYPE" => g => g.SelectMfaTypeAsync(answer, HttpContext.RequestAborted),
        "MFA_SETUP" => g => g.CompleteMfaSetupAsync(answer, "Authenticator", HttpContext.RequestAborted),
        "WEB_AUTHN" => g => g.RespondToWebAuthnAsync(answer, HttpContext.RequestAborted),
        _ => g => g.RespondToMfaAsync(answer, HttpContext.RequestAborted),
    };
}
