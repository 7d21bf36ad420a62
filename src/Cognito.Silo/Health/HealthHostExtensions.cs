using Cognito.Grains.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cognito.Silo.Health;

/// <summary>The silo's health checks and their HTTP endpoint.</summary>
public static class HealthHostExtensions
{
    /// <summary>
    /// Registers <see cref="CognitoHealthChecks"/> and serves them on <c>Cognito:Health:Port</c>
    /// (default <see cref="HealthEndpointOptions.DefaultPort"/>, 0 off). Call it after <c>UseOrleans</c>,
    /// so the endpoint opens once the silo has started.
    /// </summary>
    public static IHostApplicationBuilder AddCognitoHealthEndpoint(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<HealthEndpointOptions>()
            .Bind(builder.Configuration.GetSection(HealthEndpointOptions.SectionName))
            .Validate(o => o.Port is >= 0 and <= 65535, $"{HealthEndpointOptions.SectionName}:Port must be from 0 (off) to 65535.")
            .ValidateOnStart();
        builder.Services.AddHealthChecks().AddCognitoChecks();
        builder.Services.AddHostedService<HealthEndpoint>();
        return builder;
    }
}
