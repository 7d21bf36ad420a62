using System.Text;
using Cognito.Grains.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Persistence;
using Orleans.Serialization;
using StackExchange.Redis;

namespace Cognito.Grains.Hosting;

/// <summary>
/// Clustering and session storage from settings: <c>siloBuilder.UseCognitoHosting(configuration.GetSection("Orleans"))</c>,
/// then <c>AddCognito(..., addMemoryStorage: false)</c>. The parts are public for silos that choose them separately.
/// </summary>
public static class HostingSiloBuilderExtensions
{
    /// <summary>Reads and checks <paramref name="section"/> (throws <see cref="Microsoft.Extensions.Options.OptionsValidationException"/>), then configures clustering and storage.</summary>
    public static ISiloBuilder UseCognitoHosting(this ISiloBuilder builder, IConfiguration section) =>
        builder.UseCognitoHosting(CognitoHostingConfiguration.Read(section));

    /// <summary>Configures clustering and session storage from <paramref name="options"/>.</summary>
    public static ISiloBuilder UseCognitoHosting(this ISiloBuilder builder, CognitoHostingOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        CognitoHostingConfiguration.Validate(options);
        return builder.UseCognitoMembership(options).AddCognitoStorage(options);
    }

    /// <summary>Localhost or Redis membership, the cluster and service ids, and the silo's endpoints.</summary>
    public static ISiloBuilder UseCognitoMembership(this ISiloBuilder builder, CognitoHostingOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Membership == CognitoMembership.Localhost)
        {
            return builder.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.EffectiveServiceId, clusterId: options.EffectiveClusterId);
        }

        var connectionString = options.Redis.ConnectionString!;
        builder.UseRedisClustering(redis => redis.ConfigurationOptions = ConfigurationOptions.Parse(connectionString));
        builder.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = options.EffectiveClusterId;
            cluster.ServiceId = options.EffectiveServiceId;
        });
        builder.Configure<ClusterMembershipOptions>(membership => CognitoFailureDetection.Apply(membership, options.ProbeTimeout, options.MissedProbesLimit));

        // An advertised address is also the only one listened on (a silo on loopback stays on loopback).
        return options.AdvertisedAddress is { } address
            ? builder.ConfigureEndpoints(address, options.SiloPort, options.GatewayPort)
            : builder.ConfigureEndpoints(options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
    }

    /// <summary>The <see cref="CognitoStorage.Name"/> storage: in memory, or encrypted in Redis.</summary>
    public static ISiloBuilder AddCognitoStorage(this ISiloBuilder builder, CognitoHostingOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        return options.Storage == CognitoSessionStorage.Memory
            ? builder.AddMemorySessionStorage()
            : builder.AddCognitoRedisStorage(options.Redis.ConnectionString!, options.EffectiveServiceId, options.EffectiveKeyRingKey);
    }

    /// <summary>
    /// Sessions in Redis under <c>{serviceId}/state/{grainId}/{stateName}</c>, each encrypted whole
    /// (<see cref="ProtectedGrainStorageSerializer"/>) with a key ring kept in the same Redis under <paramref name="keyRingKey"/>.
    /// </summary>
    public static ISiloBuilder AddCognitoRedisStorage(this ISiloBuilder builder, string connectionString, string serviceId, string? keyRingKey = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        var ring = keyRingKey ?? $"{serviceId}/data-protection-keys";
        var services = builder.Services;
        services.AddSingleton(_ => new CognitoRedisConnection(connectionString));
        services.AddSingleton(sp => new CognitoKeyRing(sp.GetRequiredService<CognitoRedisConnection>(), ring, serviceId, sp.GetRequiredService<ILoggerFactory>()));
        services.AddKeyedSingleton(CognitoStorage.Name, (sp, _) => new ProtectedGrainStorageSerializer(
            sp.GetRequiredService<Serializer>(),
            sp.GetRequiredService<CognitoKeyRing>().Provider,
            sp.GetRequiredService<ILogger<ProtectedGrainStorageSerializer>>()));
        return builder.AddRedisGrainStorage(CognitoStorage.Name, storage => storage.Configure<IServiceProvider>((redis, sp) =>
        {
            var connection = sp.GetRequiredService<CognitoRedisConnection>();
            redis.ConfigurationOptions = ConfigurationOptions.Parse(connectionString);
            redis.CreateMultiplexer = async _ => (await connection.GetAsync(), IsShared: true);
            redis.GrainStorageSerializer = sp.GetRequiredKeyedService<ProtectedGrainStorageSerializer>(CognitoStorage.Name);
            // Pinned here rather than left to the provider's default, so an upgrade of Orleans cannot move the records.
            redis.GetStorageKey = (stateName, grainId) => StorageKey(serviceId, grainId, stateName);
        }));
    }

    /// <summary>The Redis key of one grain's state.</summary>
    public static RedisKey StorageKey(string serviceId, GrainId grainId, string stateName) =>
        Encoding.UTF8.GetBytes($"{serviceId}/state/{grainId}/{stateName}");
}
