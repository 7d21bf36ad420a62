using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Cognito.Testing.Orleans;

/// <summary>Points a TestCluster at a <see cref="LocalCognito"/>: <c>builder.AddLocalCognito(local.SiloConfiguration("main", pool))</c>.</summary>
public static class TestClusterBuilderExtensions
{
    /// <summary>
    /// Adds <paramref name="configuration"/> (from <see cref="LocalCognito.SiloConfiguration"/>, one
    /// or more pools merged) to every silo's and the client's configuration, the Cognito grains to
    /// every silo (<see cref="LocalCognitoSiloConfigurator"/>; pass <paramref name="addSiloConfigurator"/>
    /// false when a configurator of yours calls <see cref="LocalCognitoSiloConfigurator.Configure"/>),
    /// and the Cognito client registration to the cluster's client.
    /// </summary>
    public static TestClusterBuilder AddLocalCognito(this TestClusterBuilder builder, IEnumerable<KeyValuePair<string, string?>> configuration, bool addSiloConfigurator = true)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = configuration.ToList();
        builder.ConfigureHostConfiguration(host => host.AddInMemoryCollection(settings));
        if (addSiloConfigurator)
        {
            builder.AddSiloBuilderConfigurator<LocalCognitoSiloConfigurator>();
        }

        builder.AddClientBuilderConfigurator<LocalCognitoClientConfigurator>();
        return builder;
    }
}
