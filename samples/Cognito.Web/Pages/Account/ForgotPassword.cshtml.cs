using System.ComponentModel.DataAnnotations;
using Cognito.Client;
using Microsoft.AspNetCore.Mvc;

namespace Cognito.Web.Pages.Account;

/// <summary>ForgotPassword, then ConfirmForgotPassword with the code and the new password.</summary>
public sealed class ForgotPasswordModel(IGrainFactory grains, SampleOptions settings) : CognitoPageModel
{
    [BindProperty, Required]
    public string Username { get; set; } = string.Empty;

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty, DataType(DataType.Password)]
    public string? NewPassword { get; set; }

    public bool CodeSent { get; private set; }

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostSendAsync() => TryAsync(async () =>
    {
        var delivery = await grains.GetCognitoUser(settings.Pool, Username.Trim()).InitiateForgotPasswordAsync(HttpContext.RequestAborted);
        CodeSent = true;
        TempData["Notice"] = $"We sent a code to {delivery?.Destination ?? "you"}.";
        return Page();
    });

    public Task<IActionResult> OnPostResetAsync() => TryAsync(async () =>
    {
        CodeSent = true;
        await grains.GetCognitoUser(settings.Pool, Username.Trim()).ConfirmForgotPasswordAsync((Code ?? string.Empty).Trim(), NewPassword ?? string.Empty, HttpContext.RequestAborted);
        Notice = "Your password is changed: sign in with it.";
        return RedirectToPage("/Account/SignIn");
    });
}
