using Cognito.Client;
using Cognito.Client.Grains;
using Cognito.Testing.CognitoLocal;
using Cognito.Testing.Scripted;
using Cognito.Testing.Orleans;
using Cognito.Testing.SrpFront;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace Cognito.Grains.Tests;

/// <summary>
/// cognito-local, the SRP front before it, a scripted server for what neither has, and a
/// TestCluster whose silo serves several pools — all on one fake clock shared by the silo and the
/// front, so SRP timestamps and token lifetimes stay consistent when a test moves time forward.
/// </summary>
public sealed class GrainClusterFixture : SrpFrontFixture
{
    private readonly string _clockId;

    public GrainClusterFixture() => (_clockId, Clock) = FakeClocks.Create();

    public FakeTimeProvider Clock { get; }

    public TestCluster Cluster { get; private set; } = null!;

    public ScriptedCognitoServer Recorded { get; private set; } = null!;

    public Dictionary<string, TestPool> Pools { get; } = new(StringComparer.Ordinal);

    // cognito-local stamps tokens with real time; the front must not judge them by the fake clock.
    protected override SrpFrontOptions FrontOptions => new() { TimeProvider = Clock, RejectExpiredAccessTokens = false };

    public IGrainFactory Grains => Cluster.Client;

    public ICognitoUserGrain User(string pool, string username) => Cluster.Client.GetCognitoUser(pool, username);

    public IUserPoolGrain UserPool(string pool) => Cluster.Client.GetUserPool(pool);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Recorded = await ScriptedCognitoServer.StartAsync();

        Pools["main"] = await CreatePoolAsync(accessTokenMinutes: 60, idTokenMinutes: 60, mfaConfiguration: "OPTIONAL");
        Pools["secret"] = await CreatePoolAsync(withSecret: true, accessTokenMinutes: 60, idTokenMinutes: 60);
        Pools["alias"] = await CreatePoolAsync(withSecret: true, accessTokenMinutes: 60, idTokenMinutes: 60, aliasAttributes: ["email"]);
        Pools["caseless"] = await CreatePoolAsync(accessTokenMinutes: 60, idTokenMinutes: 60);
        Pools["rotating"] = await CreatePoolAsync(withSecret: true, accessTokenMinutes: 60, idTokenMinutes: 60);
        Pools["devices"] = await CreatePoolAsync(accessTokenMinutes: 60, idTokenMinutes: 60);
        Pools["faults"] = await CreatePoolAsync(accessTokenMinutes: 60, idTokenMinutes: 60);
        Pools["limits"] = await CreatePoolAsync(accessTokenMinutes: 60, idTokenMinutes: 60);
        Front.RotateRefreshTokens(Pools["rotating"].ClientId);
        Front.TrackDevices(Pools["devices"].UserPoolId);

        var settings = new Dictionary<string, string?> { [FakeClocks.ConfigurationKey] = _clockId };
        foreach (var (name, pool) in Pools)
        {
            foreach (var (key, value) in Local.SiloConfiguration(name, pool, refreshTokenRotation: name == "rotating", usernameCaseSensitive: name != "caseless"))
            {
                settings[key] = value;
            }
        }

        // The pool the fault tests break: attempts give up quickly, so a held request costs little, and one retry only, so faults reach the grains.
        settings["Cognito:Pools:faults:AttemptTimeout"] = "00:00:01";
        settings["Cognito:Pools:faults:TotalTimeout"] = "00:00:05";
        settings["Cognito:Pools:faults:MaxRetryAttempts"] = "1";

        // The pool of the session-limit tests: limits that end sessions before their timers would refresh them.
        settings["Cognito:Pools:limits:Sessions:MaxPerUser"] = "2";
        settings["Cognito:Pools:limits:Sessions:IdleLifetime"] = "00:30:00";
        settings["Cognito:Pools:limits:Sessions:AbsoluteLifetime"] = "00:45:00";
        settings["Cognito:Pools:limits:Sessions:EndedLogCapacity"] = "3";

        // Tokens live an hour, as Cognito's own default (cognito-local's is a day).
        // A pool served by recorded AWS answers, for the operations cognito-local lacks.
        settings["Cognito:Pools:recorded:UserPoolId"] = "eu-west-1_Recorded1";
        settings["Cognito:Pools:recorded:ClientId"] = "recordedclient";
        settings["Cognito:Pools:recorded:ServiceUrl"] = Recorded.Url.ToString();
        settings["Cognito:Pools:recorded:AccessKeyId"] = "AKIDLOCAL";
        settings["Cognito:Pools:recorded:SecretAccessKey"] = "local-secret-key";
        settings["Cognito:Pools:recorded:UsernameCaseSensitive"] = "true";
        settings["Cognito:Pools:recorded:MaxRetryAttempts"] = "0";

        var builder = new TestClusterBuilder(1);
        // The kit's one call; the suite's own configurator adds the fake clock, then the kit's silo setup.
        builder.AddLocalCognito(settings, addSiloConfigurator: false);
        builder.AddSiloBuilderConfigurator<CognitoSiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public override async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.StopAllSilosAsync();
            await Cluster.DisposeAsync();
        }

        if (Recorded is not null)
        {
            await Recorded.DisposeAsync();
        }

        FakeClocks.Remove(_clockId);
        await base.DisposeAsync();
    }

    /// <summary>A confirmed user with a permanent password in one of the pools, created through the front.</summary>
    public Task<string> NewUserAsync(string pool, string? email = null, string? username = null) =>
        CreateUserAsync(Pools[pool], username, email: email ?? $"{Guid.NewGuid():N}@example.com");

    /// <summary>Deactivates every idle grain, as the silo does after CollectionAge; the next call reactivates from storage.</summary>
    public Task DeactivateAllAsync() =>
        Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    /// <summary>
    /// Moves the fake clock by <paramref name="step"/> until <paramref name="condition"/> holds (60
    /// steps at most), for timers that a grain sets only after the effect a test waits for.
    /// </summary>
    public async Task AdvanceUntilAsync(TimeSpan step, Func<Task<bool>> condition, string what)
    {
        for (var i = 0; i < 60; i++)
        {
            if (await condition())
            {
                return;
            }

            Clock.Advance(step);
            await Task.Delay(100);
        }

        Assert.Fail($"The clock moved {60 * step} without {what}.");
    }

    /// <summary>Polls until <paramref name="condition"/> holds: timers fire on the fake clock but run on real threads.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"Timed out waiting until {what}.");
    }
}
