using System.Collections.Concurrent;
using Cognito.AspNetCore.Revocation;
using Cognito.IdentityProvider.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cognito.AspNetCore;

/// <summary>
/// One <see cref="CognitoTokenVerifier"/> per Cognito scheme (bearer or cookie), made on first use and kept: its JWKS
/// cache and verified-token cache are what make repeated verifications cheap. It asks the front end's
/// <see cref="EndedSessionsRevocationCheck"/> when one is registered.
/// </summary>
internal sealed class CognitoVerifiers(IServiceProvider services, IHttpClientFactory httpClients, TimeProvider time, ILoggerFactory loggers)
{
    /// <summary>The named HTTP client that downloads the JWKS.</summary>
    public const string HttpClientName = "Cognito.AspNetCore.Jwks";

    private readonly ConcurrentDictionary<string, Lazy<CognitoTokenVerifier>> _verifiers = new(StringComparer.Ordinal);

    public CognitoTokenVerifier For(string scheme, CognitoTokenVerifierOptions options) =>
        _verifiers.GetOrAdd(scheme, _ => new Lazy<CognitoTokenVerifier>(() => Create(options))).Value;

    private CognitoTokenVerifier Create(CognitoTokenVerifierOptions options)
    {
        options.RevocationCheck ??= services.GetService<EndedSessionsRevocationCheck>();
        return new CognitoTokenVerifier(options, httpClients.CreateClient(HttpClientName), time, loggers.CreateLogger<CognitoTokenVerifier>());
    }
}
