using Microsoft.Extensions.Hosting;

namespace Cognito.Silo.Health;

/// <summary>
/// The health endpoint's web host runs inside the silo's host: it must not take Ctrl+C or SIGTERM
/// for itself, it stops when the silo's host stops it.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
