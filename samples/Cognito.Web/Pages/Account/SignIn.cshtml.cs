using System.ComponentModel.DataAnnotations;
using Cognito.AspNetCore.Sessions;
using Cognito.Web.SignIn;
using Microsoft.AspNetCore.Mvc;

namespace Cognito.Web.Pages.Account;

/// <summary>
/// SRP sign-in through the user's grain (the password goes to the silo, which never sends it to
/// Cognito), or USER_AUTH with a passkey: the challenge page asks the browser's authenticator.
/// </summary>
public sealed class SignInModel(CognitoSignIn signIn) : CognitoPageModel
{
    [BindProperty, Required]
    public string Username { get; set; } = string.Empty;

    [BindProperty, Required, DataType(DataType.Password)]
    public string Password { get; set; } = string.Empty;

    [BindProperty]
    public bool RememberDevice { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync() => TryAsync(async () =>
        await SignInSteps.NextAsync(HttpContext, Url, signIn, await signIn.PasswordAsync(HttpContext, Username.Trim(), Password), RememberDevice, ReturnUrl));

    public Task<IActionResult> OnPostPasskeyAsync([FromForm] string? passkeyUsername)
    {
        // The passkey form posts no password: the password form's rules do not apply to it.
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(passkeyUsername))
        {
            ModelState.AddModelError(string.Empty, "Enter your username to sign in with a passkey.");
            return Task.FromResult<IActionResult>(Page());
        }

        return TryAsync(async () =>
        {
            var result = await signIn.StartAsync(HttpContext, passkeyUsername.Trim(), g => g.StartUserAuthAsync("WEB_AUTHN", cancellationToken: HttpContext.RequestAborted));
            if (result.Challenge is { Name: not "WEB_AUTHN" } && !result.IsSignedIn)
            {
                // Cognito offers the other factors when the user has no passkey (SELECT_CHALLENGE).
                ModelState.AddModelError(string.Empty, "This account has no passkey yet: sign in with your password and add one on your profile.");
                return Page();
            }

            if (result.Challenge?.Parameters.GetValueOrDefault(ChallengeModel.RequestOptionsParameter) is { } options)
            {
                TempData[ChallengeModel.PasskeyOptionsKey] = options;
            }

            return await SignInSteps.NextAsync(HttpContext, Url, signIn, result, rememberDevice: false, ReturnUrl);
        });
    }
}
