using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

namespace Cognito.Web.Pages.Account;

/// <summary>ChangePassword with this browser's session's access token.</summary>
public sealed class ChangePasswordModel : CognitoPageModel
{
    [BindProperty, Required, DataType(DataType.Password)]
    public string CurrentPassword { get; set; } = string.Empty;

    [BindProperty, Required, DataType(DataType.Password)]
    public string NewPassword { get; set; } = string.Empty;

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync() => TryAsync(async () =>
    {
        await Session.CallAsync(g => g.ChangePasswordAsync(CurrentPassword, NewPassword, HttpContext.RequestAborted));
        Notice = "Your password is changed.";
        return RedirectToPage("/Index");
    });
}
