using Cognito.Client.Model;
using Microsoft.AspNetCore.Mvc;

namespace Cognito.Web.Pages.Account;

/// <summary>The user's sessions (never their ids or tokens), ending any other one by its handle.</summary>
public sealed class SessionsModel : CognitoPageModel
{
    public IReadOnlyList<SessionSummary> List { get; private set; } = [];

    public string CurrentHandle => Session.Handle;

    public Task<IActionResult> OnGetAsync() => TryAsync(async () =>
    {
        List = (await Session.User.ListSessionsAsync(HttpContext.RequestAborted)).OrderByDescending(s => s.CreatedAt).ToList();
        return Page();
    });

    // The handle is checked by the user's own grain: a handle of another user's session ends nothing.
    public Task<IActionResult> OnPostEndAsync(string handle) => TryAsync(async () =>
    {
        await Session.User.EndSessionAsync(handle, HttpContext.RequestAborted);
        Notice = "The session is ended: that browser is signed out on its next request.";
        return RedirectToPage();
    });
}
