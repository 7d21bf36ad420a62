using Cognito.AspNetCore.Sessions;
using Cognito.Client.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cognito.Web.Pages.Account;

/// <summary>GetUser and UpdateUserAttributes with this browser's session's access token, the user's devices, and forgetting this browser.</summary>
public sealed class ProfileModel(CognitoSignIn signIn) : CognitoPageModel
{
    public bool RemembersThisBrowser => signIn.RemembersDevice(HttpContext);

    [BindProperty]
    public string? GivenName { get; set; }

    [BindProperty]
    public string? FamilyName { get; set; }

    public CognitoUser? Profile { get; private set; }

    public IReadOnlyList<DeviceInfo> Devices { get; private set; } = [];

    public Task<IActionResult> OnGetAsync() => TryAsync(async () =>
    {
        await LoadAsync();
        GivenName = Profile?["given_name"];
        FamilyName = Profile?["family_name"];
        return Page();
    });

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await TryAsync(async () =>
        {
            var changes = new Dictionary<string, string>
            {
                ["given_name"] = GivenName?.Trim() ?? string.Empty,
                ["family_name"] = FamilyName?.Trim() ?? string.Empty,
            };
            await Session.CallAsync(g => g.UpdateProfileAsync(changes, cancellationToken: HttpContext.RequestAborted));
            Notice = "Your profile is saved.";
            return RedirectToPage();
        });
        if (result is PageResult)
        {
            await TryAsync(async () =>
            {
                await LoadAsync();
                return Page();
            });
        }

        return result;
    }

    public Task<IActionResult> OnPostForgetDeviceAsync() => TryAsync(async () =>
    {
        await signIn.ForgetDeviceAsync(HttpContext);
        Notice = "This browser is forgotten: the next sign-in asks for your MFA code again.";
        return RedirectToPage();
    });

    private async Task LoadAsync()
    {
        Profile = await Session.CallAsync(g => g.GetUserAsync(cancellationToken: HttpContext.RequestAborted));
        Devices = await Session.CallAsync(g => g.ListDevicesAsync(HttpContext.RequestAborted));
    }
}
