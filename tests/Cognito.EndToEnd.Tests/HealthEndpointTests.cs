using System.Globalization;
using System.Net;
using System.Text.Json;
using Cognito.EndToEnd.Tests.Support;
using Cognito.Testing.Redis;

namespace Cognito.EndToEnd.Tests;

/// <summary>A real silo process answers health probes over HTTP: healthy against the emulator, 503 naming the failing check when Cognito cannot be reached.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class HealthEndpointTests(EndToEndFixture fixture)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Against_the_emulator_every_check_is_healthy()
    {
        var port = FreePorts.Take(1)[0];
        var settings = new Dictionary<string, string>(fixture.SiloSettings(fixture.Pool), StringComparer.Ordinal)
        {
            [SiloProcess.HealthPortVariable] = port.ToString(CultureInfo.InvariantCulture),
        };
        var (silo, _) = await SiloProcess.StartAndWaitAsync(settings);
        await using (silo)
        {
            var (status, body) = await GetAsync(port, "/health", silo);
            Assert.True(status == HttpStatusCode.OK, $"{status}: {body}\n{silo.Describe()}");
            using var json = JsonDocument.Parse(body);
            Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
            var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
            Assert.Equal("Healthy", checks["cognito-reachable"]);
            Assert.Equal("Healthy", checks["cognito-jwks"]);
            Assert.Equal("Healthy", checks["cognito-storage"]);

            Assert.Equal(HttpStatusCode.OK, (await GetAsync(port, "/health/ready", silo)).Status);
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(port, "/health/live", silo)).Status);
        }
    }

    [Fact]
    public async Task With_Cognito_on_a_closed_port_the_endpoint_answers_503_naming_the_reachability_check()
    {
        var ports = FreePorts.Take(2);
        var settings = new Dictionary<string, string>(fixture.SiloSettings(fixture.Pool), StringComparer.Ordinal)
        {
            // Nothing listens there; the issuer (and so the JWKS) stays the emulator's.
            [$"Cognito__Pools__{EndToEndFixture.PoolName}__ServiceUrl"] = $"http://127.0.0.1:{ports[1]}/",
            [$"Cognito__Pools__{EndToEndFixture.PoolName}__MaxRetryAttempts"] = "1",
            [SiloProcess.HealthPortVariable] = ports[0].ToString(CultureInfo.InvariantCulture),
        };
        var (silo, _) = await SiloProcess.StartAndWaitAsync(settings);
        await using (silo)
        {
            var (status, body) = await GetAsync(ports[0], "/health/ready", silo);
            Assert.True(status == HttpStatusCode.ServiceUnavailable, $"{status}: {body}\n{silo.Describe()}");
            using var json = JsonDocument.Parse(body);
            Assert.Equal("Unhealthy", json.RootElement.GetProperty("status").GetString());
            var reachable = json.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "cognito-reachable");
            Assert.Equal("Unhealthy", reachable.GetProperty("status").GetString());
            Assert.Contains($"pool '{EndToEndFixture.PoolName}'", reachable.GetProperty("description").GetString(), StringComparison.Ordinal);
            Assert.Contains("TransportError", reachable.GetProperty("description").GetString(), StringComparison.Ordinal);
            var others = json.RootElement.GetProperty("checks").EnumerateArray().Where(c => c.GetProperty("name").GetString() != "cognito-reachable");
            Assert.All(others, c => Assert.Equal("Healthy", c.GetProperty("status").GetString()));

            // Liveness does not depend on Cognito: restarting the silo would not bring it back.
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(ports[0], "/health/live", silo)).Status);
        }
    }

    [Fact]
    public async Task With_Redis_storage_the_storage_check_pings_Redis_and_fails_when_it_is_gone()
    {
        // Disposed twice when the test gets that far (the second time does nothing), once on any failure.
        await using var redis = await RedisServer.StartAsync();
        var port = FreePorts.Take(1)[0];
        var settings = new Dictionary<string, string>(fixture.SiloSettings(fixture.Pool), StringComparer.Ordinal)
        {
            ["Orleans__Storage"] = "Redis",
            ["Orleans__ServiceId"] = "e2e-health",
            ["Orleans__Redis__ConnectionString"] = redis.ConnectionString,
            [SiloProcess.HealthPortVariable] = port.ToString(CultureInfo.InvariantCulture),
        };
        var (silo, _) = await SiloProcess.StartAndWaitAsync(settings);
        await using (silo)
        {
            var (status, body) = await GetAsync(port, "/health/ready", silo);
            Assert.True(status == HttpStatusCode.OK, $"{status}: {body}\n{silo.Describe()}");
            Assert.Equal("Healthy", StorageCheck(body).GetProperty("status").GetString());
            Assert.Contains("PING", StorageCheck(body).GetProperty("description").GetString(), StringComparison.Ordinal);

            await redis.DisposeAsync();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
            do
            {
                (status, body) = await GetAsync(port, "/health/ready", silo);
            }
            while (status == HttpStatusCode.OK && DateTime.UtcNow < deadline && await Delay());

            Assert.True(status == HttpStatusCode.ServiceUnavailable, $"{status}: {body}");
            Assert.Equal("Unhealthy", StorageCheck(body).GetProperty("status").GetString());
            Assert.DoesNotContain(redis.ConnectionString, body, StringComparison.Ordinal);
        }
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(500);
        return true;
    }

    private static JsonElement StorageCheck(string body) =>
        JsonDocument.Parse(body).RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "cognito-storage").Clone();

    /// <summary>GETs <paramref name="path"/>, waiting (bounded) for the endpoint to open after the silo started.</summary>
    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(int port, string path, ChildProcess silo)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                using var response = await Http.GetAsync(new Uri($"http://127.0.0.1:{port}{path}"));
                return (response.StatusCode, await response.Content.ReadAsStringAsync());
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !silo.HasExited)
            {
                await Task.Delay(200);
            }
        }
    }
}
