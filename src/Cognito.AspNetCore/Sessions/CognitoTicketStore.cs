using System.Security.Claims;
using Cognito.Client.Errors;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace Cognito.AspNetCore.Sessions;

/// <summary>
/// The cookie scheme's ticket store: the cookie keeps only the session reference (protected by Data
/// Protection), and every request rebuilds the principal from the session's grain: its current ID
/// token, verified. Nothing of the ticket is stored, so a renewed or replayed ticket can never change
/// whose session a cookie opens, and a session ended anywhere (another device, sign-out everywhere, an
/// admin, the session limits) makes its cookie "not signed in" on the next request.
/// </summary>
internal sealed class CognitoTicketStore(IGrainFactory grains, string pool, string scheme, CognitoTokenVerifier verifier) : ITicketStore
{
    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var key = ticket.Principal.FindFirstValue(CognitoCookieDefaults.SessionClaim);
        return CognitoSessionReference.Parse(key) is null
            ? throw new InvalidOperationException("Sign in to the Cognito cookie scheme through CognitoSignIn: the principal names no session.")
            : Task.FromResult(key!);
    }

    public Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken) =>
        StoreAsync(ticket, cancellationToken);

    // The session's state lives in its grain; a renewal has nothing to write, and a ticket for another user is ignored.
    public Task RenewAsync(string key, AuthenticationTicket ticket) => Task.CompletedTask;

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveCoreAsync(key, null, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) => RetrieveCoreAsync(key, null, cancellationToken);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) =>
        RetrieveCoreAsync(key, httpContext, cancellationToken);

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        if (CognitoSessionReference.Parse(key) is not { } reference)
        {
            return;
        }

        try
        {
            await new CognitoSession(grains, pool, reference).CallAsync(g => g.RevokeSessionAsync(cancellationToken));
        }
        catch (Exception e) when (e is NotSignedInException or SessionProofException)
        {
            // Already ended elsewhere: signing out is done.
        }
    }

    public Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) => RemoveAsync(key, cancellationToken);

    private async Task<AuthenticationTicket?> RetrieveCoreAsync(string key, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        if (CognitoSessionReference.Parse(key) is not { } reference)
        {
            return null;
        }

        var session = new CognitoSession(grains, pool, reference);
        try
        {
            var tokens = await session.CallAsync(g => g.GetTokensAsync(cancellationToken));
            httpContext?.Features.Set(new ProvenCognitoSession(session));
            if (tokens.IdToken is null)
            {
                return null;
            }

            var verified = await verifier.VerifyIdTokenAsync(tokens.IdToken, cancellationToken);
            httpContext?.Features.Set(session);
            return new AuthenticationTicket(CognitoPrincipals.From(verified, scheme), scheme);
        }
        catch (Exception e) when (e is NotSignedInException or SessionProofException or TokenValidationException or TokensForAnotherUserException)
        {
            return null;
        }
    }
}
