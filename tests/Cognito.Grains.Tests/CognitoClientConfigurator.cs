using Cognito.Client;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Cognito.Grains.Tests;

/// <summary>The test cluster's client, registered as an application's client would be.</summary>
public sealed class CognitoClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) => clientBuilder.AddCognitoClient().AddActivityPropagation();
}
