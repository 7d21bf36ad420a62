using Cognito.Client;
using Cognito.Client.Grains;
using Cognito.Grains.Hosting;
using Cognito.Grains.Storage;
using Cognito.Grains.Users;
using Cognito.Testing.CognitoLocal;
using Cognito.Testing.Redis;
using Cognito.Testing.SrpFront;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using StackExchange.Redis;

namespace Cognito.Grains.Tests.Durable;

/// <summary>
/// cognito-local and the SRP front, a private redis-server, and a TestCluster whose membership and
/// sessions are in that Redis. The cluster can be stopped whole and started anew on the same Redis
/// (a full redeploy: a new cluster id, the same service id), with the same or another key ring.
/// </summary>
public sealed class RedisClusterFixture : SrpFrontFixture
{
    public const string ServiceId = "cognito-durable-tests";
    public const string DefaultKeyRing = ServiceId + "/data-protection-keys";

    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);

    public RedisServer Redis { get; private set; } = null!;

    /// <summary>The test's own look into Redis, to read and damage raw records.</summary>
    public IDatabase Database => _connection!.GetDatabase();

    private ConnectionMultiplexer? _connection;

    public TestCluster Cluster { get; private set; } = null!;

    public Dictionary<string, TestPool> Pools { get; } = new(StringComparer.Ordinal);

    public ICognitoUserGrain User(string pool, string username) => Cluster.Client.GetCognitoUser(pool, username);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Redis = await RedisServer.StartAsync();
        _connection = await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString);
        Pools["main"] = await CreatePoolAsync(accessTokenMinutes: 60, idTokenMinutes: 60);
        Pools["devices"] = await CreatePoolAsync(accessTokenMinutes: 60, idTokenMinutes: 60);
        Front.TrackDevices(Pools["devices"].UserPoolId);
        foreach (var (name, pool) in Pools)
        {
            var at = $"Cognito:Pools:{name}:";
            _settings[at + "UserPoolId"] = pool.UserPoolId;
            _settings[at + "ClientId"] = pool.ClientId;
            _settings[at + "ServiceUrl"] = Front.Url.ToString();
            _settings[at + "Issuer"] = pool.Issuer;
            _settings[at + "AccessKeyId"] = "AKIDLOCAL";
            _settings[at + "SecretAccessKey"] = "local-secret-key";
        }

        _settings[RedisSiloConfigurator.ConnectionKey] = Redis.ConnectionString;
        await StartClusterAsync(DefaultKeyRing);
    }

    /// <summary>Stops every silo and starts a new cluster on the same Redis.</summary>
    public async Task RestartAsync(string keyRing = DefaultKeyRing)
    {
        await StopClusterAsync();
        await StartClusterAsync(keyRing);
    }

    /// <summary>A confirmed user with the default password.</summary>
    public Task<string> NewUserAsync(string pool) => CreateUserAsync(Pools[pool], email: $"{Guid.NewGuid():N}@example.com");

    /// <summary>The Redis key of a user's session record, as the silo writes it.</summary>
    public RedisKey RecordKey(string pool, string username) =>
        HostingSiloBuilderExtensions.StorageKey(ServiceId, User(pool, username).GetGrainId(), "session");

    /// <summary>The stored value, exactly as it is in Redis.</summary>
    public async Task<string> RawRecordAsync(string pool, string username) =>
        (string?)await Database.HashGetAsync(RecordKey(pool, username), "data") ?? throw new InvalidOperationException("No record stored for " + username);

    /// <summary>What the record holds, decrypted with the running silo's key ring (the test's window onto the secrets it must not find in clear).</summary>
    internal async Task<UserSessionState> DecryptedRecordAsync(string pool, string username) =>
        Serializer.Deserialize<UserSessionState>(BinaryData.FromString(await RawRecordAsync(pool, username)));

    internal ProtectedGrainStorageSerializer Serializer => SiloServices.GetRequiredKeyedService<ProtectedGrainStorageSerializer>(CognitoStorage.Name);

    /// <summary>The (in-process) primary silo's services.</summary>
    public IServiceProvider SiloServices => ((InProcessSiloHandle)Cluster.Silos[0]).ServiceProvider;

    /// <summary>Deactivates every idle grain; the next call reads the state from Redis again.</summary>
    public Task DeactivateAllAsync() =>
        Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    public override async Task DisposeAsync()
    {
        await StopClusterAsync();
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        if (Redis is not null)
        {
            await Redis.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    private async Task StartClusterAsync(string keyRing)
    {
        var settings = new Dictionary<string, string?>(_settings, StringComparer.Ordinal) { [RedisSiloConfigurator.KeyRingKey] = keyRing };
        var builder = new TestClusterBuilder(1);
        builder.Options.ServiceId = ServiceId;
        builder.Options.ClusterId = "durable-" + Guid.NewGuid().ToString("N")[..8];
        builder.Options.UseTestClusterMembership = false;
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(settings));
        builder.AddSiloBuilderConfigurator<RedisSiloConfigurator>();
        builder.AddClientBuilderConfigurator<RedisClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    private async Task StopClusterAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.StopAllSilosAsync();
            await Cluster.DisposeAsync();
            Cluster = null!;
        }
    }
}
