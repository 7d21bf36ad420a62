using Cognito.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cognito.AspNetCore.Revocation;

/// <summary>
/// Keeps <see cref="EndedSessionsRevocationCheck"/> current: asks the pool's ended-sessions grain for
/// what was added since the last version, every <see cref="CognitoRevocationOptions.PollInterval"/>.
/// A failed poll is logged and retried at the next tick; what was already known stays refused.
/// </summary>
internal sealed partial class EndedSessionsPoller(
    IGrainFactory grains,
    EndedSessionsRevocationCheck check,
    IOptions<CognitoRevocationOptions> options,
    TimeProvider time,
    ILogger<EndedSessionsPoller> logger) : BackgroundService
{
    /// <summary>One poll, also run by tests to skip the wait.</summary>
    public async Task PollOnceAsync(CancellationToken cancellationToken)
    {
        var page = await grains.GetEndedSessions(options.Value.Pool).GetSinceAsync(check.Version, cancellationToken);
        check.Apply(page);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        do
        {
            try
            {
                await PollOnceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                PollFailed(logger, options.Value.Pool, e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "The ended-sessions log of pool {Pool} could not be read ({ErrorType}); tokens of sessions ended since the last read are accepted until it can.")]
    private static partial void PollFailed(ILogger logger, string pool, string errorType);
}
