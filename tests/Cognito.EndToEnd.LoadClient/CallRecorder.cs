namespace Cognito.EndToEnd.LoadClient;

/// <summary>
/// What the callers saw, for the test to parse: one <c>second</c> line per second (calls, errors
/// by type), the first message of each error type, and at the end a <c>summary</c> with when the
/// errors began and ended, when the last failing call had started (a call in flight on a silo that
/// crashed fails only at its timeout) and when the last failed session answered again. Times are Unix
/// milliseconds, so the test can compare them with the moment it stopped a silo. Never a token.
/// </summary>
internal sealed class CallRecorder(int sessions, TextWriter output)
{
    private readonly object _gate = new();
    private readonly long[] _lastFailure = new long[sessions];
    private readonly long[] _recovered = new long[sessions];
    private readonly HashSet<long>[] _expiries = Enumerable.Range(0, sessions).Select(_ => new HashSet<long>()).ToArray();
    private readonly Dictionary<string, int> _secondErrors = new(StringComparer.Ordinal);
    private readonly HashSet<string> _typesSeen = new(StringComparer.Ordinal);
    private long _secondCalls;
    private long _calls;
    private long _errors;
    private long _firstError;
    private long _lastError;
    private long _lastFailedStart;
    private long _slowestMs;

    public static long Now => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    public void Success(int session, DateTimeOffset expiresAt, long elapsedMs)
    {
        var now = Now;
        lock (_gate)
        {
            _calls++;
            _secondCalls++;
            _slowestMs = Math.Max(_slowestMs, elapsedMs);
            if (_lastFailure[session] != 0 && _recovered[session] == 0)
            {
                _recovered[session] = now;
            }

            _expiries[session].Add(expiresAt.ToUnixTimeSeconds());
        }
    }

    public void Failure(int session, Exception error, long elapsedMs)
    {
        var now = Now;
        var started = now - elapsedMs;
        var type = error.GetType().Name;
        bool first;
        lock (_gate)
        {
            _calls++;
            _secondCalls++;
            _errors++;
            _slowestMs = Math.Max(_slowestMs, elapsedMs);
            _firstError = _firstError == 0 ? now : _firstError;
            _lastError = now;
            _lastFailedStart = Math.Max(_lastFailedStart, started);
            _lastFailure[session] = now;
            _recovered[session] = 0;
            _secondErrors[type] = _secondErrors.GetValueOrDefault(type) + 1;
            first = _typesSeen.Add(type);
        }

        if (first)
        {
            // Orleans' and this library's messages name grains and silos, never tokens or passwords.
            var message = error.Message.ReplaceLineEndings(" ");
            Write($"error-type at={now} type={type} message={(message.Length > 300 ? message[..300] : message)}");
        }
    }

    /// <summary>Prints and resets the last second's counts.</summary>
    public void FlushSecond()
    {
        long calls;
        string types;
        lock (_gate)
        {
            calls = _secondCalls;
            _secondCalls = 0;
            types = string.Join(';', _secondErrors.Select(e => $"{e.Key}:{e.Value}"));
            var errors = _secondErrors.Values.Sum();
            _secondErrors.Clear();
            Write($"second at={Now} calls={calls} errors={errors}{(types.Length > 0 ? " types=" + types : string.Empty)}");
        }
    }

    public void WriteSummary(bool withExpiries)
    {
        lock (_gate)
        {
            var failed = _lastFailure.Count(f => f != 0);
            var unrecovered = _lastFailure.Select((f, i) => f != 0 && _recovered[i] == 0).Count(u => u);
            var lastRecovery = _recovered.DefaultIfEmpty().Max();
            Write($"summary calls={_calls} errors={_errors} first-error-at={_firstError} last-error-at={_lastError} last-failed-call-started-at={_lastFailedStart} failed-sessions={failed} unrecovered-sessions={unrecovered} last-recovery-at={lastRecovery} slowest-ms={_slowestMs}");
            if (withExpiries)
            {
                for (var i = 0; i < _expiries.Length; i++)
                {
                    Write($"session index={i} expiries={string.Join(',', _expiries[i].Order())}");
                }
            }
        }
    }

    public void Write(string line)
    {
        lock (output)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }
}
