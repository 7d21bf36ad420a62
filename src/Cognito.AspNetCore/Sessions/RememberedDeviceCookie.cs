using System.Security.Cryptography;
using Cognito.Client.Model;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace Cognito.AspNetCore.Sessions;

/// <summary>
/// The browser is the device: a remembered device's credentials live in the browser's own cookie,
/// encrypted and signed by Data Protection, for one username. Each session is a new grain, so the
/// next sign-in on this browser hands them to its session, and Cognito can skip MFA for it.
/// A forged, altered or other user's cookie is no device.
/// </summary>
internal sealed class RememberedDeviceCookie(IDataProtectionProvider protection)
{
    // Usernames, device keys, group keys and device passwords hold no line breaks.
    private const char Separator = '\n';

    private readonly IDataProtector _protector = protection.CreateProtector("Cognito.AspNetCore.RememberedDevice");

    public DeviceCredentials? Read(HttpContext http, string username)
    {
        if (!http.Request.Cookies.TryGetValue(CognitoCookieDefaults.DeviceCookieName, out var value))
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(value).Split(Separator);
            return parts.Length == 4 && string.Equals(parts[0], username, StringComparison.Ordinal)
                ? new DeviceCredentials(parts[1], parts[2], parts[3])
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public void Write(HttpContext http, string username, DeviceCredentials device, TimeSpan lifetime)
    {
        var text = string.Join(Separator, username, device.DeviceKey, device.DeviceGroupKey, device.DevicePassword);
        http.Response.Cookies.Append(CognitoCookieDefaults.DeviceCookieName, _protector.Protect(text), Options(lifetime));
    }

    public void Delete(HttpContext http) =>
        http.Response.Cookies.Delete(CognitoCookieDefaults.DeviceCookieName, Options(TimeSpan.Zero));

    // Lax: it only matters on the sign-in form's own POST, and it must survive a link into the site.
    private static CookieOptions Options(TimeSpan lifetime) => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Lax,
        Path = "/",
        MaxAge = lifetime > TimeSpan.Zero ? lifetime : null,
        IsEssential = true,
    };
}
