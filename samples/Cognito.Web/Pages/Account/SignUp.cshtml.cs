using System.ComponentModel.DataAnnotations;
using Cognito.Client;
using Cognito.Client.Model;
using Microsoft.AspNetCore.Mvc;

namespace Cognito.Web.Pages.Account;

/// <summary>Sign-up with attributes (SignUp through the user's grain); the code goes to the email.</summary>
public sealed class SignUpModel(IGrainFactory grains, SampleOptions settings) : CognitoPageModel
{
    [BindProperty, Required]
    public string Username { get; set; } = string.Empty;

    [BindProperty, Required, EmailAddress]
    public string Email { get; set; } = string.Empty;

    [BindProperty]
    public string? GivenName { get; set; }

    [BindProperty]
    public string? FamilyName { get; set; }

    [BindProperty, Required, DataType(DataType.Password)]
    public string Password { get; set; } = string.Empty;

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync() => TryAsync(async () =>
    {
        var attributes = new Dictionary<string, string> { ["email"] = Email.Trim() };
        Add(attributes, "given_name", GivenName);
        Add(attributes, "family_name", FamilyName);
        var username = Username.Trim();
        var result = await grains.GetCognitoUser(settings.Pool, username).RegisterAsync(new Registration(Password, attributes), HttpContext.RequestAborted);
        if (result.UserConfirmed)
        {
            Notice = "Your account is ready: sign in.";
            return RedirectToPage("/Account/SignIn");
        }

        Notice = $"We sent a confirmation code to {result.CodeDelivery?.Destination ?? "your email"}.";
        return RedirectToPage("/Account/Confirm", new { username });
    });

    private static void Add(Dictionary<string, string> attributes, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            attributes[name] = value.Trim();
        }
    }
}
