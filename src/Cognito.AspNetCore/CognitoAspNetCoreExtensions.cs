using Cognito.AspNetCore.Bearer;
using Cognito.AspNetCore.Http;
using Cognito.AspNetCore.Revocation;
using Cognito.AspNetCore.Sessions;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cognito.AspNetCore;

/// <summary>Registration: <c>services.AddCognitoRevocation(...)</c>, <c>AddAuthentication().AddCognitoCookie(...).AddCognitoBearer(...)</c>, <c>AddCognitoUserAccessTokenHandler()</c>.</summary>
public static class CognitoAspNetCoreExtensions
{
    /// <summary>
    /// Follows the pool's ended-sessions log (an Orleans client must be registered), so every Cognito
    /// scheme of this front end refuses the tokens of sessions ended through the grains within
    /// <see cref="CognitoRevocationOptions.PollInterval"/>.
    /// </summary>
    public static IServiceCollection AddCognitoRevocation(this IServiceCollection services, Action<CognitoRevocationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<CognitoRevocationOptions>().Configure(o => configure?.Invoke(o));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new EndedSessionsRevocationCheck(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<EndedSessionsPoller>();
        services.AddHostedService(sp => sp.GetRequiredService<EndedSessionsPoller>());
        return services;
    }

    /// <summary>Adds a bearer scheme that accepts the pool's access tokens (see <see cref="CognitoBearerOptions"/>).</summary>
    public static AuthenticationBuilder AddCognitoBearer(this AuthenticationBuilder builder, Action<CognitoBearerOptions> configure) =>
        builder.AddCognitoBearer(CognitoBearerDefaults.AuthenticationScheme, configure);

    /// <summary>Adds a bearer scheme named <paramref name="scheme"/> that accepts the pool's access tokens.</summary>
    public static AuthenticationBuilder AddCognitoBearer(this AuthenticationBuilder builder, string scheme, Action<CognitoBearerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddVerifiers(builder.Services);
        return builder.AddScheme<CognitoBearerOptions, CognitoBearerHandler>(scheme, configure);
    }

    /// <summary>
    /// Adds the server-side session cookie (<see cref="CognitoCookieDefaults.AuthenticationScheme"/>): the cookie carries only the
    /// session reference, protected by Data Protection (HttpOnly, Secure, SameSite=Lax), and each request's principal comes from
    /// the session's verified ID token. Sign in with <see cref="CognitoSignIn"/>; <paramref name="cookie"/> may adjust the cookie
    /// (login path, lifetime), not its store.
    /// </summary>
    public static AuthenticationBuilder AddCognitoCookie(this AuthenticationBuilder builder, Action<CognitoCookieOptions> configure, Action<CookieAuthenticationOptions>? cookie = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        const string scheme = CognitoCookieDefaults.AuthenticationScheme;
        AddVerifiers(builder.Services);
        builder.Services.AddOptions<CognitoCookieOptions>(scheme).Configure(configure);
        builder.Services.TryAddSingleton<CognitoSignIn>();
        builder.Services.AddOptions<CookieAuthenticationOptions>(scheme)
            .Configure<IGrainFactory, CognitoVerifiers, IOptionsMonitor<CognitoCookieOptions>>((o, grains, verifiers, sessions) =>
            {
                o.Cookie.Name = CognitoCookieDefaults.CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.SlidingExpiration = true;
                cookie?.Invoke(o);
                var options = sessions.Get(scheme);
                o.SessionStore = new CognitoTicketStore(grains, options.Pool, scheme, verifiers.For(scheme, options.Verifier));
            });
        return builder.AddCookie(scheme);
    }

    /// <summary>
    /// Makes this HTTP client attach the signed-in browser's access token (<c>services.AddHttpClient("api").AddCognitoUserAccessTokenHandler()</c>);
    /// on a 401 the session refreshes once and the call is retried once.
    /// </summary>
    public static IHttpClientBuilder AddCognitoUserAccessTokenHandler(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHttpContextAccessor();
        builder.Services.TryAddTransient<CognitoUserAccessTokenHandler>();
        return builder.AddHttpMessageHandler<CognitoUserAccessTokenHandler>();
    }

    // What every Cognito scheme shares: one verifier per scheme, and the client that downloads the JWKS.
    private static void AddVerifiers(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(CognitoVerifiers.HttpClientName);
        services.TryAddSingleton<CognitoVerifiers>();
    }
}
