using Cognito.Testing;
using Cognito.Testing.CognitoLocal;

namespace Cognito.Silo.Local;

/// <summary>
/// The quick start's environment on the testing kit: cognito-local and the SRP front, a pool
/// <c>main</c> (MFA optional, devices remembered on the user's say), an app client and a confirmed
/// demo user. With a kept data directory, the pool, client and user of an earlier run are reused.
/// </summary>
internal sealed class QuickStart : IAsyncDisposable
{
    public const string PoolName = "main";
    public const string ClientName = "quick-start";
    public const string DemoUsername = "demo";
    public const string DemoPassword = "Demo-Passw0rd!";

    private QuickStart(LocalCognito local, TestPool pool, bool reused)
    {
        Local = local;
        Pool = pool;
        Reused = reused;
    }

    public LocalCognito Local { get; }

    public TestPool Pool { get; }

    /// <summary>Whether the pool came from an earlier run's data.</summary>
    public bool Reused { get; }

    public IReadOnlyDictionary<string, string?> Configuration => Local.SiloConfiguration(PoolName, Pool);

    public static async Task<QuickStart> StartAsync(string? dataDirectory, IProgress<string> progress, CancellationToken cancellationToken = default)
    {
        var local = await LocalCognito.StartAsync(new LocalCognitoOptions { DataDirectory = dataDirectory, Progress = progress }, cancellationToken);
        try
        {
            var pool = await local.Admin.FindPoolAsync(PoolName, ClientName, cancellationToken);
            var reused = pool is not null;
            pool ??= await local.CreatePoolAsync(new LocalPoolOptions { Name = PoolName, ClientName = ClientName, MfaConfiguration = "OPTIONAL", DeviceTracking = true }, cancellationToken);
            if (!await local.Admin.UserExistsAsync(pool, DemoUsername, cancellationToken))
            {
                await local.CreateUserAsync(pool, new LocalUser(DemoUsername, DemoPassword) { Attributes = new Dictionary<string, string> { ["email"] = "demo@example.com" } }, cancellationToken);
            }

            return new QuickStart(local, pool, reused);
        }
        catch
        {
            await local.DisposeAsync();
            throw;
        }
    }

    /// <summary>What a user needs to know, for the console.</summary>
    public string Describe() => $"""
        Local Cognito (cognito-local {CognitoLocalServer.Version} behind the SRP front) is running at {Local.ServiceUrl}
          pool "{PoolName}": {Pool.UserPoolId}{(Reused ? " (reused from the data directory)" : string.Empty)}
          app client: {Pool.ClientId}
          demo user: {DemoUsername} / {DemoPassword}
          every confirmation / reset / MFA code is {LocalCognito.Code}
          SRP sign-in, MFA, devices, refresh and sign-out (GlobalSignOut) all work
          data: {(Local.IsTemporary ? $"temporary ({Local.DataDirectory}), gone when the silo stops; keep it with --data DIR" : $"{Local.DataDirectory} (kept across restarts)")}
        """;

    public ValueTask DisposeAsync() => Local.DisposeAsync();
}
