using Cognito.Grains.Hosting;
using Cognito.Grains.Pools;
using Cognito.Grains.Tests.Telemetry;
using Cognito.Testing.Orleans;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Cognito.Grains.Tests;

/// <summary>The test silos: the Cognito grains configured from the cluster's configuration, on the fixture's fake clock.</summary>
public sealed class CognitoSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        var clock = FakeClocks.Get(siloBuilder.Configuration[FakeClocks.ConfigurationKey]!);
        siloBuilder.Services.AddSingleton<TimeProvider>(clock);
        // Membership and messaging keep real time; only the grains' clock is fake.
        siloBuilder.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
        LocalCognitoSiloConfigurator.Configure(siloBuilder);
        // An application's own handler sits in the main pool's HTTP client.
        siloBuilder.Services.AddHttpClient(CognitoHttpClients.NameFor("main")).AddHttpMessageHandler(() => new CallRecordingHandler());
    }
}
