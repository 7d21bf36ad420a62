using System.Globalization;

namespace Cognito.EndToEnd.Client;

/// <summary>The command line: <c>--gateway-port N --username U --password P --email E [--new-password P2] [--code C] [--pool NAME] [--tier T] [--step-timeout SECONDS]</c>.</summary>
internal sealed record ScenarioOptions(
    int GatewayPort,
    string Pool,
    string Username,
    string Password,
    string NewPassword,
    string Email,
    string Code,
    string Tier,
    TimeSpan StepTimeout)
{
    public const string Usage =
        "usage: Cognito.EndToEnd.Client --gateway-port N --username U --password P --email E " +
        "[--new-password P2] [--code 123456] [--pool main] [--tier gold] [--step-timeout 60]";

    private static readonly string[] Known = ["--gateway-port", "--pool", "--username", "--password", "--new-password", "--email", "--code", "--tier", "--step-timeout"];

    /// <summary>Parses the arguments; on failure returns null and a message that never repeats a value (they may be passwords).</summary>
    public static ScenarioOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!Known.Contains(name, StringComparer.Ordinal))
            {
                error = $"unknown argument at position {i + 1} (expected one of {string.Join(", ", Known)})";
                return null;
            }

            if (i + 1 >= args.Count)
            {
                error = $"{name} needs a value";
                return null;
            }

            values[name] = args[++i];
        }

        string? Get(string name) => values.TryGetValue(name, out var v) ? v : null;

        foreach (var required in new[] { "--gateway-port", "--username", "--password", "--email" })
        {
            if (string.IsNullOrEmpty(Get(required)))
            {
                error = $"{required} is required";
                return null;
            }
        }

        if (!int.TryParse(Get("--gateway-port"), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            error = "--gateway-port must be a port number";
            return null;
        }

        var seconds = 60;
        if (Get("--step-timeout") is { } timeout && (!int.TryParse(timeout, NumberStyles.None, CultureInfo.InvariantCulture, out seconds) || seconds < 1))
        {
            error = "--step-timeout must be a positive number of seconds";
            return null;
        }

        var password = Get("--password")!;
        var newPassword = Get("--new-password") ?? password + "-Next9";
        if (newPassword == password)
        {
            error = "--new-password must differ from --password";
            return null;
        }

        error = null;
        return new ScenarioOptions(
            port,
            Get("--pool") ?? "main",
            Get("--username")!,
            password,
            newPassword,
            Get("--email")!,
            Get("--code") ?? "123456",
            Get("--tier") ?? "gold",
            TimeSpan.FromSeconds(seconds));
    }

    // Passwords never reach a log line through this record.
    public override string ToString() =>
        $"ScenarioOptions {{ GatewayPort = {GatewayPort}, Pool = {Pool}, Username = {Username}, Password = ***, NewPassword = ***, Email = {Email} }}";
}
