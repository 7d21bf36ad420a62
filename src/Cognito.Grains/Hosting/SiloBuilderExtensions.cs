using Cognito.Client;
using Cognito.Grains.Configuration;
using Cognito.Grains.Pools;
using Cognito.Grains.Refresh;
using Cognito.Grains.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Cognito.Grains.Hosting;

/// <summary>Silo-side registration: <c>siloBuilder.AddCognito(configuration.GetSection("Cognito"))</c>.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>
    /// Registers the Cognito grains' services with pools bound from <paramref name="section"/>
    /// (<c>Pools:{name}:UserPoolId</c>, <c>ClientId</c>, ...) and/or <paramref name="configure"/>,
    /// validated when the silo starts. With <paramref name="addMemoryStorage"/> the sessions are kept
    /// in a memory storage named <see cref="CognitoStorage.Name"/>; register your own durable provider
    /// under that name instead for sessions that survive silo loss.
    /// </summary>
    public static ISiloBuilder AddCognito(this ISiloBuilder builder, IConfiguration? section = null, Action<CognitoSiloOptions>? configure = null, bool addMemoryStorage = true)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<CognitoSiloOptions>();
        if (section is not null)
        {
            options.Configure(o => BindPools(section, o));
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<CognitoSiloOptions>, CognitoSiloOptionsValidator>();
        builder.Services.AddCognitoExceptions();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<CognitoPoolRegistry>();
        // Each pool's HTTP client is a named client (CognitoHttpClients.NameFor), open to the application's handlers.
        builder.Services.AddHttpClient();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<HttpClientFactoryOptions>, CognitoHttpClientConfiguration>());
        builder.Services.AddRefreshBudget();
        if (addMemoryStorage)
        {
            builder.AddMemorySessionStorage();
        }

        return builder;
    }

    private static void BindPools(IConfiguration section, CognitoSiloOptions options)
    {
        foreach (var pool in section.GetSection("Pools").GetChildren())
        {
            var settings = new CognitoPoolOptions();
            pool.Bind(settings);
            options.Pools[pool.Key] = settings;
        }

        section.GetSection(RefreshBudgetOptions.SectionName).Bind(options.RefreshBudget);
    }
}
