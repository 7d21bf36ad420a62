using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Cognito.Grains.Pools;

/// <summary>
/// The defaults of every pool's named client. A pool holds its client for the silo's lifetime, so
/// the factory never rotates its handler; the connections themselves are recycled every two minutes
/// so DNS changes are seen. The wire client bounds each call itself, so the client has no timeout.
/// An application's own configuration of the same name, registered later, runs after this one.
/// </summary>
internal sealed class CognitoHttpClientConfiguration : IConfigureNamedOptions<HttpClientFactoryOptions>
{
    private static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(2);

    public void Configure(HttpClientFactoryOptions options)
    {
        // The unnamed client is the application's, not a pool's.
    }

    public void Configure(string? name, HttpClientFactoryOptions options)
    {
        if (name is null || !name.StartsWith(CognitoHttpClients.Prefix, StringComparison.Ordinal))
        {
            return;
        }

        options.HandlerLifetime = Timeout.InfiniteTimeSpan;
        options.HttpMessageHandlerBuilderActions.Add(handlers => handlers.PrimaryHandler = new SocketsHttpHandler { PooledConnectionLifetime = ConnectionLifetime });
        options.HttpClientActions.Add(client => client.Timeout = Timeout.InfiniteTimeSpan);
    }
}
