using Cognito.Grains.Configuration;
using Cognito.Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Cognito.Testing.Orleans;

/// <summary>
/// A TestCluster silo serving the Cognito grains from the cluster's configuration (the pools
/// <see cref="TestClusterBuilderExtensions.AddLocalCognito"/> put there), with memory storage.
/// TestCluster creates configurators by type, so one of your own calls <see cref="Configure(ISiloBuilder, Action{CognitoSiloOptions}?)"/>.
/// </summary>
public sealed class LocalCognitoSiloConfigurator : ISiloConfigurator
{
    void ISiloConfigurator.Configure(ISiloBuilder siloBuilder) => Configure(siloBuilder);

    /// <summary>Adds the Cognito grains to a silo, configured from its <c>Cognito</c> section.</summary>
    public static ISiloBuilder Configure(ISiloBuilder siloBuilder, Action<CognitoSiloOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(siloBuilder);
        // Spans follow grain calls, as in the silo, so a test sees one trace across client and grains.
        return siloBuilder.AddCognito(siloBuilder.Configuration.GetSection("Cognito"), configure).AddActivityPropagation();
    }
}
