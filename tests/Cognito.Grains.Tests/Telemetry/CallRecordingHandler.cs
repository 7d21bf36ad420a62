using System.Collections.Concurrent;

namespace Cognito.Grains.Tests.Telemetry;

/// <summary>
/// An application's own handler, as a user adds it to a pool's named client: it counts the
/// Cognito operations that pass it (the <c>X-Amz-Target</c> suffix).
/// </summary>
public sealed class CallRecordingHandler : DelegatingHandler
{
    private static readonly ConcurrentDictionary<string, int> Calls = new(StringComparer.Ordinal);

    public static int Count(string operation) => Calls.GetValueOrDefault(operation);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.TryGetValues("X-Amz-Target", out var targets) && targets.FirstOrDefault() is { } target)
        {
            Calls.AddOrUpdate(target[(target.IndexOf('.', StringComparison.Ordinal) + 1)..], 1, (_, n) => n + 1);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
