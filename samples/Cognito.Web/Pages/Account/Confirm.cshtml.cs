using System.ComponentModel.DataAnnotations;
using Cognito.Client;
using Microsoft.AspNetCore.Mvc;

namespace Cognito.Web.Pages.Account;

/// <summary>ConfirmSignUp with the emailed code, or a new code.</summary>
public sealed class ConfirmModel(IGrainFactory grains, SampleOptions settings) : CognitoPageModel
{
    [BindProperty(SupportsGet = true), Required]
    public string Username { get; set; } = string.Empty;

    [BindProperty]
    public string? Code { get; set; }

    public void OnGet() => ModelState.Clear();

    public Task<IActionResult> OnPostAsync() => TryAsync(async () =>
    {
        await grains.GetCognitoUser(settings.Pool, Username.Trim()).ConfirmSignUpAsync((Code ?? string.Empty).Trim(), HttpContext.RequestAborted);
        Notice = "Your account is confirmed: sign in.";
        return RedirectToPage("/Account/SignIn");
    });

    public Task<IActionResult> OnPostResendAsync() => TryAsync(async () =>
    {
        var delivery = await grains.GetCognitoUser(settings.Pool, Username.Trim()).ResendConfirmationCodeAsync(HttpContext.RequestAborted);
        Notice = $"We sent a new code to {delivery?.Destination ?? "your email"}.";
        return RedirectToPage(new { username = Username });
    });
}
