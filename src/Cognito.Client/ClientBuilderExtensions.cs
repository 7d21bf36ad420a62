using Microsoft.Extensions.DependencyInjection;

namespace Cognito.Client;

/// <summary>Client-side registration: <c>builder.UseOrleansClient(client => client.AddCognitoClient())</c>.</summary>
public static class ClientBuilderExtensions
{
    /// <summary>Registers what a client needs to call the Cognito grains: the typed errors' serialization.</summary>
    public static IClientBuilder AddCognitoClient(this IClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddCognitoExceptions();
        return builder;
    }
}
