using System.Text.Encodings.Web;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Cognito.AspNetCore.Bearer;

/// <summary>
/// Authenticates <c>Authorization: Bearer {access token}</c> with the scheme's
/// <see cref="CognitoTokenVerifier"/>. A refused token is "not authenticated" with
/// <c>WWW-Authenticate: Bearer error="invalid_token"</c>; the token never reaches a log.
/// </summary>
internal sealed partial class CognitoBearerHandler(
    IOptionsMonitor<CognitoBearerOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    CognitoVerifiers verifiers) : AuthenticationHandler<CognitoBearerOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header[BearerPrefix.Length..].Trim();
        try
        {
            var verified = await verifiers.For(Scheme.Name, Options.Verifier).VerifyAccessTokenAsync(token, Context.RequestAborted);
            var principal = CognitoPrincipals.From(verified, Scheme.Name);
            return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
        }
        catch (TokenValidationException e)
        {
            TokenRefused(Logger, Scheme.Name, e.Reason);
            Context.Items[typeof(CognitoBearerHandler)] = e.Reason;
            return AuthenticateResult.Fail($"The bearer token was refused: {e.Reason}.");
        }
        catch (CognitoJwksException e)
        {
            KeysUnavailable(Logger, Scheme.Name, e.GetType().Name);
            return AuthenticateResult.Fail("The pool's signing keys could not be had.");
        }
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.Append(HeaderNames.WWWAuthenticate,
            Context.Items.ContainsKey(typeof(CognitoBearerHandler)) ? "Bearer error=\"invalid_token\"" : "Bearer");
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Scheme {Scheme} refused a bearer token: {Reason}.")]
    private static partial void TokenRefused(ILogger logger, string scheme, TokenValidationFailureReason reason);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Scheme {Scheme} could not get the pool's signing keys ({ErrorType}).")]
    private static partial void KeysUnavailable(ILogger logger, string scheme, string errorType);
}
