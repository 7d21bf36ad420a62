using System.Diagnostics;
using Cognito.Client;
using Cognito.Client.Grains;

namespace Cognito.EndToEnd.LoadClient;

/// <summary>
/// Signs in the sessions (when asked), calls <see cref="IUserSession.GetTokensAsync"/> from many
/// concurrent callers until the stop file appears or the time is up, then asks every session once
/// more. Each call is bounded by the call timeout; a failed call is recorded, never retried here.
/// </summary>
internal sealed class LoadRun(IGrainFactory grains, LoadOptions options, CallRecorder recorder)
{
    // Bounded so that 1,000 sign-ins do not queue more Cognito calls at once than the emulator serves well.
    private const int SignInParallelism = 16;

    private ICognitoUserGrain User(int index) => grains.GetCognitoUser(options.PoolOf(index), options.Username(index));

    public async Task<bool> SignInAllAsync()
    {
        var watch = Stopwatch.StartNew();
        var failed = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Users), new ParallelOptions { MaxDegreeOfParallelism = SignInParallelism }, async (index, _) =>
        {
            try
            {
                using var timeout = new CancellationTokenSource(options.CallTimeout * 3);
                var result = await User(index).AuthenticateWithFlowAsync("USER_PASSWORD_AUTH", options.Password, timeout.Token);
                if (!result.IsSignedIn)
                {
                    Interlocked.Increment(ref failed);
                }
            }
            catch (Exception e)
            {
                Interlocked.Increment(ref failed);
                recorder.Write($"sign-in-error index={index} type={e.GetType().Name}");
            }
        });
        recorder.Write($"signed-in count={options.Users - failed} failed={failed} ms={watch.ElapsedMilliseconds}");
        return failed == 0;
    }

    public async Task LoadAsync()
    {
        using var stop = new CancellationTokenSource(options.MaxDuration);
        recorder.Write($"load-start at={CallRecorder.Now}");
        var callers = options.CallersPerSession > 0
            ? Enumerable.Range(0, options.Users * options.CallersPerSession).Select(i => CallLoopAsync(() => i / options.CallersPerSession, stop.Token))
            : Enumerable.Range(0, options.Callers).Select(_ => CallLoopAsync(() => Random.Shared.Next(options.Users), stop.Token));
        var all = Task.WhenAll(callers.ToList());
        while (!all.IsCompleted)
        {
            await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(1)));
            recorder.FlushSecond();
            if (options.StopFile is { } file && File.Exists(file))
            {
                await stop.CancelAsync();
            }
        }

        await all;
        recorder.Write($"load-end at={CallRecorder.Now}");
    }

    /// <summary>Every session once, a few at a time: true when each returned unexpired tokens.</summary>
    public async Task<bool> FinalCheckAsync()
    {
        var failed = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Users), new ParallelOptions { MaxDegreeOfParallelism = SignInParallelism }, async (index, _) =>
        {
            try
            {
                using var timeout = new CancellationTokenSource(options.CallTimeout);
                var tokens = await User(index).GetTokensAsync(timeout.Token).WaitAsync(options.CallTimeout + TimeSpan.FromSeconds(1));
                if (string.IsNullOrEmpty(tokens.AccessToken) || tokens.ExpiresAt <= DateTimeOffset.UtcNow)
                {
                    Interlocked.Increment(ref failed);
                    recorder.Write($"final-error index={index} type=ExpiredOrEmpty");
                }
            }
            catch (Exception e)
            {
                Interlocked.Increment(ref failed);
                recorder.Write($"final-error index={index} type={e.GetType().Name}");
            }
        });
        recorder.Write($"final ok={options.Users - failed} failed={failed}");
        return failed == 0;
    }

    private async Task CallLoopAsync(Func<int> pick, CancellationToken stop)
    {
        // Callers start spread out rather than all in the same millisecond.
        await Task.Delay(Random.Shared.Next((int)Math.Max(1, options.Delay.TotalMilliseconds)), CancellationToken.None);
        var newest = DateTimeOffset.MinValue;
        var newestSession = -1;
        while (!stop.IsCancellationRequested)
        {
            var session = pick();
            var watch = Stopwatch.StartNew();
            try
            {
                using var timeout = new CancellationTokenSource(options.CallTimeout);
                var tokens = await User(session).GetTokensAsync(timeout.Token).WaitAsync(options.CallTimeout + TimeSpan.FromSeconds(1), CancellationToken.None);
                if (string.IsNullOrEmpty(tokens.AccessToken) || tokens.ExpiresAt <= DateTimeOffset.UtcNow)
                {
                    recorder.Failure(session, new InvalidDataException("GetTokensAsync returned empty or expired tokens."), watch.ElapsedMilliseconds);
                }
                else if (session == newestSession && tokens.ExpiresAt < newest)
                {
                    // A caller of one session that got refreshed tokens must never be handed older ones again.
                    recorder.Failure(session, new InvalidDataException("GetTokensAsync returned older tokens than this caller already had."), watch.ElapsedMilliseconds);
                }
                else
                {
                    (newest, newestSession) = (tokens.ExpiresAt, session);
                    recorder.Success(session, tokens.ExpiresAt, watch.ElapsedMilliseconds);
                }
            }
            catch (Exception e)
            {
                recorder.Failure(session, e, watch.ElapsedMilliseconds);
            }

            await Task.Delay(options.Delay, CancellationToken.None);
        }
    }
}
