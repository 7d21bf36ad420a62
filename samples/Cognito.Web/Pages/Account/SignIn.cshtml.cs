using System.ComponentModel.DataAnnotations;
using Cognito.AspNetCore.Sessions;
using Cognito.Web.SignIn;
using Microsoft.AspNetCore.Mvc;

namespace Cognito.Web.Pages.Account;

/// <summary>SRP sign-in through the user's grain: the password goes to the silo, which never sends it to Cognito.</summary>
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
}
