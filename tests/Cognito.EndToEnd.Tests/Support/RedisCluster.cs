using Cognito.Testing.Redis;

namespace Cognito.EndToEnd.Tests.Support;

/// <summary>
/// <c>Cognito.Silo</c> processes of one cluster with Redis membership and Redis sessions, on
/// loopback, configured through settings only. The first silo starts alone (so the Data
/// Protection key ring has its one key before the others read it), the others together.
/// </summary>
public sealed class RedisCluster : IAsyncDisposable
{
    private readonly List<ChildProcess> _silos = [];

    private RedisCluster(RedisServer redis, string clusterId, string serviceId)
    {
        Redis = redis;
        ClusterId = clusterId;
        ServiceId = serviceId;
    }

    public RedisServer Redis { get; }

    public string ClusterId { get; }

    public string ServiceId { get; }

    public IReadOnlyList<ChildProcess> Silos => _silos;

    public static async Task<RedisCluster> StartAsync(IReadOnlyDictionary<string, string> poolSettings, int silos, string name)
    {
        var redis = await RedisServer.StartAsync();
        var cluster = new RedisCluster(redis, $"{name}-cluster", $"{name}-service");
        try
        {
            var settings = new Dictionary<string, string>(poolSettings, StringComparer.Ordinal)
            {
                ["Orleans__Membership"] = "Redis",
                ["Orleans__Storage"] = "Redis",
                ["Orleans__ClusterId"] = cluster.ClusterId,
                ["Orleans__ServiceId"] = cluster.ServiceId,
                ["Orleans__AdvertisedAddress"] = "127.0.0.1",
                ["Orleans__Redis__ConnectionString"] = redis.ConnectionString,
            };
            cluster._silos.Add((await SiloProcess.StartAndWaitAsync(settings)).Process);
            var others = await Task.WhenAll(Enumerable.Range(1, silos - 1).Select(_ => SiloProcess.StartAndWaitAsync(settings)));
            cluster._silos.AddRange(others.Select(o => o.Process));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>A load client of this cluster (see Cognito.EndToEnd.LoadClient) with <paramref name="args"/> after the cluster's own.</summary>
    public ChildProcess StartLoadClient(IEnumerable<string> args) =>
        ChildProcess.StartDotnet(ProcessPaths.LoadClient, ["--redis", Redis.ConnectionString, "--cluster-id", ClusterId, "--service-id", ServiceId, .. args]);

    public string Describe() => string.Join('\n', _silos.Select(s => s.Describe()));

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }

        await Redis.DisposeAsync();
    }
}
