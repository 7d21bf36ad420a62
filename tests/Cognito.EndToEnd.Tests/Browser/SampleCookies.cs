using System.Buffers.Text;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;

namespace Cognito.EndToEnd.Tests.Browser;

/// <summary>
/// Reads and mints the sample's session cookies with its own Data Protection key ring, as an attacker
/// who stole the keys could: what is left to refuse such a cookie is the session's own grain.
/// </summary>
public sealed class SampleCookies(string keysDirectory)
{
    public const string SessionCookie = ".Cognito.Session";

    // The sample's Data Protection application name and the cookie handler's purposes for the scheme.
    private readonly TicketDataFormat _tickets = new(
        DataProtectionProvider.Create(new DirectoryInfo(keysDirectory), b => b.SetApplicationName("CognitoOrleans.Sample"))
            .CreateProtector("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", "CognitoSession", "v2"));

    /// <summary>The session id inside a session cookie (the ticket store's key is <c>{session id}.{base64url username}</c>).</summary>
    public string SessionIdOf(string cookie) => Key(Ticket(cookie)).Value.Split('.')[0];

    /// <summary>A cookie like <paramref name="cookie"/> whose reference names <paramref name="sessionId"/> under <paramref name="username"/>.</summary>
    public string WithReference(string cookie, string sessionId, string username)
    {
        var ticket = Ticket(cookie);
        var key = Key(ticket);
        var reference = sessionId + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(username));
        var identity = new ClaimsIdentity([new Claim(key.Type, reference)], ticket.Principal.Identity!.AuthenticationType);
        return _tickets.Protect(new AuthenticationTicket(new ClaimsPrincipal(identity), ticket.Properties, ticket.AuthenticationScheme));
    }

    private AuthenticationTicket Ticket(string cookie) =>
        _tickets.Unprotect(cookie) ?? throw new InvalidOperationException("The cookie is not one of the sample's session cookies.");

    // With a ticket store the cookie holds one claim only: the store's key.
    private static Claim Key(AuthenticationTicket ticket) => Assert.Single(ticket.Principal.Claims);
}
