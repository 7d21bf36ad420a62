using Cognito.AspNetCore.Sessions;
using Microsoft.AspNetCore.Mvc;

namespace Cognito.Web.Pages.Account;

/// <summary>Signs out this session (RevokeToken) or every session of the user (GlobalSignOut), and drops the cookie.</summary>
public sealed class SignOutModel(CognitoSignIn signIn) : CognitoPageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync(bool everywhere)
    {
        await signIn.SignOutAsync(HttpContext, everywhere);
        Notice = everywhere ? "You are signed out on every device." : "You are signed out.";
        return RedirectToPage("/Index");
    }
}
