using Cognito.EndToEnd.Tests.Support;
using Cognito.Testing.CognitoLocal;
using Cognito.Testing.SrpFront;

namespace Cognito.EndToEnd.Tests;

/// <summary>
/// cognito-local, the SRP front before it, one pool with an app client created through the front,
/// and a real <c>Cognito.Silo</c> process serving that pool as "main" through the front; the sample
/// front end beside it once a browser test asks for it. MFA is optional in the pool, so users can turn it on, and devices are remembered when a user asks.
/// </summary>
public sealed class EndToEndFixture : SrpFrontFixture
{
    public const string PoolName = "main";

    private TestPool? _pool;
    private ChildProcess? _silo;
    private readonly Lock _webGate = new();
    private Task<SampleWebProcess>? _web;

    public TestPool Pool => _pool ?? throw new InvalidOperationException("The pool is not created.");

    public ChildProcess Silo => _silo ?? throw new InvalidOperationException("The silo is not started.");

    public int GatewayPort { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _pool = await CreatePoolAsync(mfaConfiguration: "OPTIONAL", deviceTracking: true);
        (_silo, GatewayPort) = await SiloProcess.StartAndWaitAsync(SiloSettings(Pool));
    }

    /// <summary>The sample front end (<c>samples/Cognito.Web</c>) as a client of this silo and pool, started on first use.</summary>
    public Task<SampleWebProcess> SampleWebAsync()
    {
        lock (_webGate)
        {
            return _web ??= StartSampleWebAsync();
        }
    }

    /// <summary>Another instance of the sample front end on this silo and pool, for the caller to dispose.</summary>
    public Task<SampleWebProcess> StartSampleWebAsync() =>
        SampleWebProcess.StartAsync(PoolName, Server.IssuerFor(Pool.UserPoolId), Pool.ClientId, GatewayPort);

    /// <summary>The silo's configuration for <paramref name="pool"/> as "main", pointed at the front.</summary>
    public IReadOnlyDictionary<string, string> SiloSettings(TestPool pool)
    {
        const string at = "Cognito__Pools__" + PoolName + "__";
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [at + "UserPoolId"] = pool.UserPoolId,
            [at + "ClientId"] = pool.ClientId,
            [at + "ServiceUrl"] = Front.Url.ToString(),
            [at + "Issuer"] = Server.IssuerFor(pool.UserPoolId),
            [at + "AccessKeyId"] = "AKIDLOCAL",
            [at + "SecretAccessKey"] = "local-secret-key",
            [at + "UsernameCaseSensitive"] = "true",
        };
    }

    public override async Task DisposeAsync()
    {
        if (_web is { IsCompletedSuccessfully: true })
        {
            await _web.Result.DisposeAsync();
        }

        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
