using Cognito.AspNetCore.Sessions;
using Cognito.Client.Model;
using SignInResult = Cognito.Client.Model.SignInResult;
using Microsoft.AspNetCore.Mvc;

namespace Cognito.Web.SignIn;

/// <summary>Where a sign-in goes after each step: home once signed in (remembering the device if asked), else the challenge's page.</summary>
public static class SignInSteps
{
    public static async Task<IActionResult> NextAsync(HttpContext http, IUrlHelper url, CognitoSignIn signIn, SignInResult result, bool rememberDevice, string? returnUrl)
    {
        if (!result.IsSignedIn)
        {
            return new RedirectToPageResult("/Account/Challenge", new { name = result.Challenge!.Name, rememberDevice, returnUrl });
        }

        // A sign-in that proved an already remembered device reports no new one.
        if (rememberDevice && result.NewDevice is not null)
        {
            await signIn.RememberDeviceAsync(http, DeviceName(http));
        }

        return new LocalRedirectResult(url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }

    private static string DeviceName(HttpContext http)
    {
        string? agent = http.Request.Headers.UserAgent;
        return agent is { Length: > 0 } ? agent[..Math.Min(agent.Length, 60)] : "browser";
    }
}
