using System.Security.Claims;
using Cognito.Client;
using Cognito.Client.Errors;
using Cognito.Client.Grains;
using Cognito.Client.Model;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Cognito.AspNetCore.Sessions;

/// <summary>
/// Signs a browser in through the grains into a server-side session: every sign-in starts a new
/// session id (no fixation), a sign-in that waits for a challenge keeps its session in a short,
/// protected cookie of its own, and when it completes the client is described to the session and the
/// session cookie is issued (and <c>GetCognitoSession()</c> gives the new session for the rest of the request). A sign-in over a live session cookie ends that earlier session and issues
/// a cookie for the new one.
/// </summary>
public sealed class CognitoSignIn(
    IGrainFactory grains,
    IDataProtectionProvider protection,
    IAuthenticationSchemeProvider schemes,
    IOptionsMonitor<CognitoCookieOptions> options)
{
    private readonly ITimeLimitedDataProtector _pending =
        protection.CreateProtector("Cognito.AspNetCore.PendingSignIn").ToTimeLimitedDataProtector();

    private readonly RememberedDeviceCookie _device = new(protection);

    /// <summary>The scheme this signs in to.</summary>
    public string Scheme { get; init; } = CognitoCookieDefaults.AuthenticationScheme;

    /// <summary>SRP sign-in of <paramref name="username"/> on a new session; a challenge is answered with <see cref="ContinueAsync"/>.</summary>
    public Task<SignInResult> PasswordAsync(HttpContext http, string username, string password) =>
        StartAsync(http, username, g => g.AuthenticateAsync(password, http.RequestAborted));

    /// <summary>Starts a sign-in of <paramref name="username"/> on a new session with any first step (USER_AUTH, custom auth, tokens from elsewhere).</summary>
    public async Task<SignInResult> StartAsync(HttpContext http, string username, Func<ICognitoUserGrain, Task<SignInResult>> firstStep)
    {
        ArgumentNullException.ThrowIfNull(http);
        var reference = new CognitoSessionReference(username, CognitoSessions.NewId());
        if (_device.Read(http, username) is { } device)
        {
            await new CognitoSession(grains, Options.Pool, reference).CallAsync(g => g.UseRememberedDeviceAsync(device));
        }

        return await StepAsync(http, reference, firstStep);
    }

    /// <summary>
    /// Remembers this browser as a device of the signed-in user (Cognito's ConfirmDevice and
    /// UpdateDeviceStatus on the session just signed in) and keeps the device in the browser's
    /// protected device cookie, so later sign-ins here prove it and may skip MFA.
    /// </summary>
    public async Task<DeviceInfo> RememberDeviceAsync(HttpContext http, string? deviceName = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        var session = http.GetCognitoSession() ?? throw new NotSignedInException("This browser has no session whose device could be remembered.");
        var remembered = await session.CallAsync(g => g.RememberDeviceAsync(deviceName, http.RequestAborted));
        if (await session.CallAsync(g => g.GetRememberedDeviceAsync()) is { } device)
        {
            _device.Write(http, session.Username, device, Options.RememberedDeviceLifetime);
        }

        return remembered;
    }

    /// <summary>Whether this browser keeps a remembered device for the signed-in user (its device cookie).</summary>
    public bool RemembersDevice(HttpContext http) =>
        http.GetCognitoSession() is { } session && _device.Read(http, session.Username) is not null;

    /// <summary>Forgets the device this browser remembers for the signed-in user (Cognito's ForgetDevice) and deletes its device cookie.</summary>
    public async Task ForgetDeviceAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var session = http.GetCognitoSession();
        var device = session is null ? null : _device.Read(http, session.Username) ?? await session.CallAsync(g => g.GetRememberedDeviceAsync());
        _device.Delete(http);
        if (session is not null && device is not null)
        {
            await session.CallAsync(g => g.ForgetDeviceAsync(device.DeviceKey, http.RequestAborted));
        }
    }

    /// <summary>
    /// Answers the pending sign-in's challenge (<c>g => g.RespondToMfaAsync(code)</c>, new password, MFA setup, …).
    /// <see cref="NoPendingChallengeException"/> when this browser has no sign-in waiting (or it is older than
    /// <see cref="CognitoCookieOptions.PendingSignInLifetime"/>).
    /// </summary>
    public async Task<SignInResult> ContinueAsync(HttpContext http, Func<ICognitoUserGrain, Task<SignInResult>> answer)
    {
        ArgumentNullException.ThrowIfNull(http);
        return await StepAsync(http, PendingReference(http), answer);
    }

    /// <summary>Calls the pending sign-in's grain without answering (MFA setup's first step: <c>g => g.BeginMfaSetupAsync()</c>).</summary>
    public async Task<T> CallPendingAsync<T>(HttpContext http, Func<ICognitoUserGrain, Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(http);
        return await new CognitoSession(grains, Options.Pool, PendingReference(http)).CallAsync(call);
    }

    /// <summary>
    /// Signs the browser out: <paramref name="everywhere"/> ends every session of the user
    /// (GlobalSignOut), else only this one (RevokeToken); then the cookie goes.
    /// </summary>
    public async Task SignOutAsync(HttpContext http, bool everywhere = false)
    {
        ArgumentNullException.ThrowIfNull(http);
        await http.AuthenticateAsync(Scheme);
        if (everywhere && (http.GetCognitoSession() ?? http.Features.Get<ProvenCognitoSession>()?.Session) is { } session)
        {
            try
            {
                await session.CallAsync(g => g.LogoutAsync(http.RequestAborted));
            }
            catch (NotSignedInException)
            {
                // Ended meanwhile: the cookie still goes.
            }
        }

        await http.SignOutAsync(Scheme);
    }

    private CognitoCookieOptions Options => options.Get(Scheme);

    private async Task<SignInResult> StepAsync(HttpContext http, CognitoSessionReference reference, Func<ICognitoUserGrain, Task<SignInResult>> step)
    {
        var session = new CognitoSession(grains, Options.Pool, reference);
        var result = await session.CallAsync(step);
        if (!result.IsSignedIn)
        {
            http.Response.Cookies.Append(CognitoCookieDefaults.PendingCookieName,
                _pending.Protect(reference.Key, Options.PendingSignInLifetime), PendingCookie(http));
            return result;
        }

        http.Response.Cookies.Delete(CognitoCookieDefaults.PendingCookieName, PendingCookie(http));
        await session.CallAsync(g => g.DescribeClientAsync(ClientOf(http), http.RequestAborted));
        var identity = new ClaimsIdentity([new Claim(CognitoCookieDefaults.SessionClaim, reference.Key)], Scheme);
        await IssueCookieAsync(http, new ClaimsPrincipal(identity));
        http.Features.Set(session);
        return result;
    }

    // The cookie handler of this request has read the browser's cookie once and would only renew that
    // session's key (aspnetcore#22135), so the browser would stay on its earlier session. Instead the
    // earlier session is ended (no orphan stays signed in) and a handler that has not read the cookie yet,
    // whose read of the now-ended session finds nothing, stores the new one.
    private async Task IssueCookieAsync(HttpContext http, ClaimsPrincipal principal)
    {
        if (!(await http.AuthenticateAsync(Scheme)).Succeeded)
        {
            await http.SignInAsync(Scheme, principal);
            return;
        }

        await http.SignOutAsync(Scheme);
        var handler = await new AuthenticationHandlerProvider(schemes).GetHandlerAsync(http, Scheme) as IAuthenticationSignInHandler
            ?? throw new InvalidOperationException($"The scheme {Scheme} cannot sign in.");
        await handler.SignInAsync(principal, properties: null);
    }

    // The pending cookie is protected and time-limited: a forged, altered or expired one is no pending sign-in.
    private CognitoSessionReference PendingReference(HttpContext http)
    {
        CognitoSessionReference? reference = null;
        if (http.Request.Cookies.TryGetValue(CognitoCookieDefaults.PendingCookieName, out var value))
        {
            try
            {
                reference = CognitoSessionReference.Parse(_pending.Unprotect(value));
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
            }
        }

        return reference ?? throw new NoPendingChallengeException("This browser has no sign-in waiting for an answer (or it is older than PendingSignInLifetime): start the sign-in again.");
    }

    private CookieOptions PendingCookie(HttpContext http) => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        MaxAge = Options.PendingSignInLifetime,
    };

    private static SessionClientInfo ClientOf(HttpContext http)
    {
        string? userAgent = http.Request.Headers.UserAgent;
        if (userAgent is { Length: > SessionClientInfo.MaxUserAgentLength })
        {
            userAgent = userAgent[..SessionClientInfo.MaxUserAgentLength];
        }

        userAgent = userAgent is null || userAgent.Any(char.IsControl) ? null : userAgent;
        return new SessionClientInfo(null, userAgent, http.Connection.RemoteIpAddress?.ToString());
    }
}
