using Cognito.AspNetCore.Bearer;
using Cognito.AspNetCore.Revocation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cognito.AspNetCore;

/// <summary>Registration: <c>services.AddCognitoRevocation(...)</c> and <c>AddAuthentication().AddCognitoBearer(...)</c>.</summary>
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
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHttpClient(CognitoBearerVerifiers.HttpClientName);
        builder.Services.TryAddSingleton<CognitoBearerVerifiers>();
        return builder.AddScheme<CognitoBearerOptions, CognitoBearerHandler>(scheme, configure);
    }
}
