using System.Globalization;

namespace Cognito.EndToEnd.LoadClient;

/// <summary>
/// The command line (values never repeated in errors: the password is one of them):
/// <c>--redis CONN --cluster-id C --service-id S --user-prefix P --users N --password PW
/// [--pool main] [--pool-count 0] [--sign-in] [--callers 32] [--callers-per-session 0] [--delay-ms 5]
/// [--call-timeout 10] [--max-seconds 60] [--stop-file PATH] [--report-expiries]</c>.
/// With <c>--callers-per-session K</c> every session gets K callers of its own; otherwise
/// <c>--callers</c> callers pick a random session for every call.
/// </summary>
internal sealed record LoadOptions(
    string Redis,
    string ClusterId,
    string ServiceId,
    string Pool,
    int PoolCount,
    string UserPrefix,
    int Users,
    string Password,
    bool SignIn,
    int Callers,
    int CallersPerSession,
    TimeSpan Delay,
    TimeSpan CallTimeout,
    TimeSpan MaxDuration,
    string? StopFile,
    bool ReportExpiries)
{
    private static readonly string[] Flags = ["--sign-in", "--report-expiries"];
    private static readonly string[] Valued = ["--redis", "--cluster-id", "--service-id", "--pool", "--pool-count", "--user-prefix", "--users", "--password", "--callers", "--callers-per-session", "--delay-ms", "--call-timeout", "--max-seconds", "--stop-file"];

    public string Username(int index) => UserPrefix + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>With <c>--pool-count N</c> the sessions are spread over pools <c>{pool}0</c>..<c>{pool}{N-1}</c> (session i in pool i mod N).</summary>
    public string PoolOf(int index) => PoolCount > 0 ? Pool + (index % PoolCount).ToString(CultureInfo.InvariantCulture) : Pool;

    public static LoadOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (Flags.Contains(args[i], StringComparer.Ordinal))
            {
                flags.Add(args[i]);
            }
            else if (Valued.Contains(args[i], StringComparer.Ordinal) && i + 1 < args.Count)
            {
                values[args[i]] = args[++i];
            }
            else
            {
                error = $"unexpected argument at position {i + 1}";
                return null;
            }
        }

        foreach (var required in new[] { "--redis", "--cluster-id", "--service-id", "--user-prefix", "--users", "--password" })
        {
            if (!values.ContainsKey(required))
            {
                error = $"{required} is required";
                return null;
            }
        }

        error = null;
        int Number(string name, int fallback) => values.TryGetValue(name, out var text) ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : fallback;
        return new LoadOptions(
            values["--redis"],
            values["--cluster-id"],
            values["--service-id"],
            values.GetValueOrDefault("--pool") ?? "main",
            Number("--pool-count", 0),
            values["--user-prefix"],
            Number("--users", 0),
            values["--password"],
            flags.Contains("--sign-in"),
            Number("--callers", 32),
            Number("--callers-per-session", 0),
            TimeSpan.FromMilliseconds(Number("--delay-ms", 5)),
            TimeSpan.FromSeconds(Number("--call-timeout", 10)),
            TimeSpan.FromSeconds(Number("--max-seconds", 60)),
            values.GetValueOrDefault("--stop-file"),
            flags.Contains("--report-expiries"));
    }

    public override string ToString() => $"LoadOptions {{ Users = {Users}, Callers = {Callers}, CallersPerSession = {CallersPerSession}, Password = *** }}";
}
