using Cognito.AspNetCore.Sessions;
using Cognito.Client.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cognito.Web.Pages.Account;

/// <summary>GetUser and UpdateUserAttributes with this browser's session's access token, the user's passkeys and devices, and forgetting this browser.</summary>
public sealed class ProfileModel(CognitoSignIn signIn) : CognitoPageModel
{
    public bool RemembersThisBrowser => signIn.RemembersDevice(HttpContext);

    [BindProperty]
    public string? GivenName { get; set; }

    [BindProperty]
    public string? FamilyName { get; set; }

    public CognitoUser? Profile { get; private set; }

    public IReadOnlyList<DeviceInfo> Devices { get; private set; } = [];

    public IReadOnlyList<PasskeyInfo> Passkeys { get; private set; } = [];

    public Task<IActionResult> OnGetAsync() => TryAsync(async () =>
    {
        await LoadAsync();
        GivenName = Profile?["given_name"];
        FamilyName = Profile?["family_name"];
        return Page();
    });

    public Task<IActionResult> OnPostAsync() => ReloadOnErrorAsync(async () =>
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

    public Task<IActionResult> OnPostForgetDeviceAsync() => TryAsync(async () =>
    {
        await signIn.ForgetDeviceAsync(HttpContext);
        Notice = "This browser is forgotten: the next sign-in asks for your MFA code again.";
        return RedirectToPage();
    });

    /// <summary>StartWebAuthnRegistration: the options for the page's <c>navigator.credentials.create</c>, as JSON.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() =>
        Content(await Session.CallAsync(g => g.StartPasskeyRegistrationAsync(HttpContext.RequestAborted)), "application/json");

    public Task<IActionResult> OnPostAddPasskeyAsync([FromForm] string? credential) => ReloadOnErrorAsync(async () =>
    {
        await Session.CallAsync(g => g.CompletePasskeyRegistrationAsync(credential ?? string.Empty, HttpContext.RequestAborted));
        Notice = "Your passkey is added: next time, sign in with it.";
        return RedirectToPage();
    });

    public Task<IActionResult> OnPostDeletePasskeyAsync([FromForm] string? credentialId) => ReloadOnErrorAsync(async () =>
    {
        await Session.CallAsync(g => g.DeletePasskeyAsync(credentialId ?? string.Empty, HttpContext.RequestAborted));
        Notice = "The passkey is deleted.";
        return RedirectToPage();
    });

    private async Task LoadAsync()
    {
        Profile = await Session.CallAsync(g => g.GetUserAsync(cancellationToken: HttpContext.RequestAborted));
        Devices = await Session.CallAsync(g => g.ListDevicesAsync(HttpContext.RequestAborted));
        Passkeys = await Session.CallAsync(g => g.ListPasskeysAsync(HttpContext.RequestAborted));
    }

    // A refused form shows the page again with the error, so the page needs its data.
    private async Task<IActionResult> ReloadOnErrorAsync(Func<Task<IActionResult>> action)
    {
        var result = await TryAsync(action);
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
}
