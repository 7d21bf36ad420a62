namespace Cognito.EndToEnd.Tests.Support;

/// <summary>
/// Starts a process on ports chosen a moment before and waits for the line that says it serves. One
/// that exits first (a port taken between choosing and binding it) is started again on other ports,
/// twice at most; one that neither serves nor exits in time is a failure at once.
/// </summary>
public static class ReadyProcess
{
    public static async Task<(ChildProcess Process, T Started)> StartAsync<T>(Func<(ChildProcess Process, T Started)> start, string readyLine, TimeSpan timeout)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (process, started) = start();
            if (await process.WaitForStdoutLineAsync(l => l.Contains(readyLine, StringComparison.Ordinal), timeout))
            {
                return (process, started);
            }

            var exited = process.HasExited;
            var description = process.Describe();
            await process.DisposeAsync();
            if (!exited || attempt == 3)
            {
                throw new InvalidOperationException($"{process.Name} did not print '{readyLine}' within {timeout.TotalSeconds} s (attempt {attempt}).\n{description}");
            }
        }
    }
}
