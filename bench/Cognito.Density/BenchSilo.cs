using System.Net;
using System.Net.Sockets;
using Cognito.Grains.Configuration;
using Cognito.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cognito.Density;

/// <summary>An in-process silo with one pool that verifies against the minter's JWKS (no Cognito I/O) and the Memory store.</summary>
public static class BenchSilo
{
    public const string Pool = "bench";

    public static IHost Build(string jwks, int siloPort, int gatewayPort, LogLevel logLevel)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(logLevel);
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort, gatewayPort)
            .AddCognito(configure: o => o.Pools[Pool] = new CognitoPoolOptions
            {
                UserPoolId = TokenMinter.PoolId,
                ClientId = TokenMinter.ClientId,
                Issuer = TokenMinter.Issuer,
                Jwks = jwks,
                UsernameCaseSensitive = true,
            }));
        return builder.Build();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task CollectIdleAsync(IGrainFactory grains) =>
        await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    public static IGrainFactory Grains(IHost host) => host.Services.GetRequiredService<IGrainFactory>();
}
