using Cognito.Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Orleans.TestingHost;
using StackExchange.Redis;

namespace Cognito.Grains.Tests.Durable;

/// <summary>Test silos with Redis membership and the library's encrypted Redis session storage.</summary>
public sealed class RedisSiloConfigurator : ISiloConfigurator
{
    public const string ConnectionKey = "Test:Redis";
    public const string KeyRingKey = "Test:KeyRing";

    public void Configure(ISiloBuilder siloBuilder)
    {
        var configuration = siloBuilder.Configuration;
        var redis = configuration[ConnectionKey]!;
        siloBuilder.UseRedisClustering(options => options.ConfigurationOptions = ConfigurationOptions.Parse(redis));
        siloBuilder.AddCognitoRedisStorage(redis, RedisClusterFixture.ServiceId, configuration[KeyRingKey]);
        siloBuilder.AddCognito(configuration.GetSection("Cognito"), addMemoryStorage: false);
    }
}
