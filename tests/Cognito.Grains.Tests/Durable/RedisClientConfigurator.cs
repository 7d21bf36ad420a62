using Cognito.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Orleans.TestingHost;
using StackExchange.Redis;

namespace Cognito.Grains.Tests.Durable;

/// <summary>The test client finds the gateways in Redis, as an application's client of a Redis cluster would.</summary>
public sealed class RedisClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
        clientBuilder
            .UseRedisClustering(options => options.ConfigurationOptions = ConfigurationOptions.Parse(configuration[RedisSiloConfigurator.ConnectionKey]!))
            .AddCognitoClient();
}
