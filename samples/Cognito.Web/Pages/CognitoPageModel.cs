using Cognito.AspNetCore.Sessions;
using Cognito.IdentityProvider.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cognito.Web.Pages;

/// <summary>
/// What every page shares: the signed-in browser's session, and Cognito's errors shown on the form by
/// their Cognito name (a wrong code is <c>CodeMismatchException</c>) instead of an error page.
/// </summary>
public abstract class CognitoPageModel : PageModel
{
    /// <summary>The browser's session; the account pages are only served when there is one.</summary>
    protected CognitoSession Session => HttpContext.GetCognitoSession()
        ?? throw new InvalidOperationException("This page needs a signed-in browser.");

    /// <summary>A short message on the next page (after a redirect).</summary>
    protected string? Notice
    {
        set => TempData["Notice"] = value;
    }

    /// <summary>Runs a form's action; a Cognito error goes to the form and the page is shown again.</summary>
    protected async Task<IActionResult> TryAsync(Func<Task<IActionResult>> action)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            return await action();
        }
        catch (CognitoException e)
        {
            ModelState.AddModelError(string.Empty, $"{e.ErrorCode}: {e.Message}");
            return Page();
        }
    }
}
