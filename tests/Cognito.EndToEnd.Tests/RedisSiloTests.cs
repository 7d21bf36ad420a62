using System.Globalization;
using Cognito.EndToEnd.Tests.Support;
using Cognito.Testing.CognitoLocal;
using Cognito.Testing.Redis;
using Xunit.Abstractions;

namespace Cognito.EndToEnd.Tests;

/// <summary>A real silo process configured for Redis membership and Redis sessions (settings only, as an operator would) serves the whole client scenario.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class RedisSiloTests(EndToEndFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_silo_with_redis_membership_and_storage_serves_the_client_scenario()
    {
        await using var redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string>(fixture.SiloSettings(fixture.Pool), StringComparer.Ordinal)
        {
            ["Orleans__Membership"] = "Redis",
            ["Orleans__Storage"] = "Redis",
            // The scenario client names no cluster: its ClusterOptions keep Orleans' default id, which a
            // silo of a real (non-localhost) membership checks at the gateway.
            ["Orleans__ClusterId"] = "default",
            ["Orleans__ServiceId"] = "e2e-redis",
            ["Orleans__AdvertisedAddress"] = "127.0.0.1",
            ["Orleans__Redis__ConnectionString"] = redis.ConnectionString,
        };
        var (silo, gatewayPort) = await SiloProcess.StartAndWaitAsync(settings);
        await using (silo)
        {
            Assert.Contains(silo.StdoutLines, l => l.Contains("Redis session storage", StringComparison.Ordinal));
            var username = fixture.UniqueName("redis");
            await using var client = ChildProcess.StartDotnet(ProcessPaths.Client,
            [
                "--gateway-port", gatewayPort.ToString(CultureInfo.InvariantCulture),
                "--pool", EndToEndFixture.PoolName,
                "--username", username,
                "--password", CognitoLocalFixture.DefaultPassword + "1a",
                "--new-password", CognitoLocalFixture.DefaultPassword + "2b",
                "--email", $"{username}@example.com",
                "--code", CognitoLocalServer.Code,
                "--tier", "gold",
                "--step-timeout", "60",
            ]);
            var exit = await client.WaitForExitAsync(ClientTimeout);
            var story = $"{client.Describe()}\n{silo.Describe()}\nredis: {redis.Output}";
            output.WriteLine(story);
            Assert.True(exit == 0, $"The client exited with {exit?.ToString(CultureInfo.InvariantCulture) ?? "nothing"}.\n{story}");
            Assert.Contains("scenario: ok", client.StdoutLines);
            Assert.False(silo.Output.Contains("eyJ", StringComparison.Ordinal), "The silo printed a token.");
        }
    }
}
