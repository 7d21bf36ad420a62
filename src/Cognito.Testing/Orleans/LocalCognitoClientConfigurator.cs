using Cognito.Client;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Cognito.Testing.Orleans;

/// <summary>The TestCluster's client, registered as an application's is: typed Cognito errors cross the wire intact, and spans follow its calls.</summary>
public sealed class LocalCognitoClientConfigurator : IClientBuilderConfigurator
{
    /// <summary>Adds the Cognito client registration and activity propagation to <paramref name="clientBuilder"/>.</summary>
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) => clientBuilder.AddCognitoClient().AddActivityPropagation();
}
