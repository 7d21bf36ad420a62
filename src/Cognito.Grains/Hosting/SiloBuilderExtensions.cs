using Cognito.Grains.Configuration;
using Cognito.Grains.Pools;
using Cognito.IdentityProvider.Errors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Serialization;

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
        AllowCognitoExceptions(builder.Services);
        builder.Services.AddSingleton<IValidateOptions<CognitoSiloOptions>, CognitoSiloOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<CognitoPoolRegistry>();
        if (addMemoryStorage)
        {
            builder.AddMemoryGrainStorage(CognitoStorage.Name);
        }

        return builder;
    }

    /// <summary>
    /// Orleans serializes only exceptions of the Microsoft, System and Azure namespaces by default:
    /// without this, every Cognito error a grain throws reaches its caller as a
    /// CodecNotFoundException, its type and ErrorCode lost. The inner exceptions the library wraps
    /// (Polly's timeout, AWSSDK.Core's credential errors) must travel too, or the outer one cannot.
    /// </summary>
    private static void AllowCognitoExceptions(IServiceCollection services) =>
        services.Configure<ExceptionSerializationOptions>(o =>
        {
            var previous = o.SupportedExceptionTypeFilter;
            o.SupportedExceptionTypeFilter = type => typeof(CognitoException).IsAssignableFrom(type) || (previous?.Invoke(type) ?? false);
            o.SupportedNamespacePrefixes.Add("Polly");
            o.SupportedNamespacePrefixes.Add("Amazon.Runtime");
        });

    private static void BindPools(IConfiguration section, CognitoSiloOptions options)
    {
        foreach (var pool in section.GetSection("Pools").GetChildren())
        {
            var settings = new CognitoPoolOptions();
            pool.Bind(settings);
            options.Pools[pool.Key] = settings;
        }
    }
}
