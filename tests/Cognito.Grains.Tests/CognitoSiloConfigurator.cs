using Cognito.Grains.Hosting;
using Cognito.Grains.Pools;
using Cognito.Grains.Tests.Telemetry;
using Microsoft.Extensions.Configuration;
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
        siloBuilder.AddCognito(siloBuilder.Configuration.GetSection("Cognito"));
        // Spans follow grain calls, as in the silo; and an application's own handler sits in the main pool's HTTP client.
        siloBuilder.AddActivityPropagation();
        siloBuilder.Services.AddHttpClient(CognitoHttpClients.NameFor("main")).AddHttpMessageHandler(() => new CallRecordingHandler());
    }
}
