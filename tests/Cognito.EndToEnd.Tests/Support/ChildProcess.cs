using System.Diagnostics;
using System.Text;

namespace Cognito.EndToEnd.Tests.Support;

/// <summary>
/// A .NET program run as <c>dotnet {dll} {args}</c> in its own process, with its output captured
/// line by line. Every wait is bounded; disposing kills the whole process tree if it still runs.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    // Settings of the test's own environment that would leak into the child's configuration.
    private static readonly string[] InheritedPrefixesToDrop = ["Cognito__", "Orleans__", "Logging__", "DOTNET_ENVIRONMENT", "ASPNETCORE_ENVIRONMENT"];

    private readonly Process _process;
    private readonly List<string> _stdout = [];
    private readonly StringBuilder _all = new();
    private readonly object _gate = new();

    private ChildProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public IReadOnlyList<string> StdoutLines
    {
        get
        {
            lock (_gate)
            {
                return _stdout.ToList();
            }
        }
    }

    /// <summary>Standard output and standard error interleaved as they arrived; error lines start with "err| ".</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _all.ToString();
            }
        }
    }

    public string Stderr => string.Join('\n', Output.Split('\n').Where(l => l.StartsWith("err| ", StringComparison.Ordinal)).Select(l => l[5..]));

    public static ChildProcess StartDotnet(string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null) =>
        // The silo reads appsettings.json from its content root, the current directory.
        Start(Path.GetFileNameWithoutExtension(dll), Path.GetDirectoryName(dll)!, [dll, .. args], InheritedPrefixesToDrop, environment);

    /// <summary>An SDK command (<c>dotnet pack …</c>), free of the MSBuild settings the test host's own build left in the environment.</summary>
    public static ChildProcess StartDotnetCommand(IReadOnlyList<string> args) =>
        Start("dotnet " + args[0], Path.GetTempPath(), args, [.. InheritedPrefixesToDrop, "MSBuild", "VSTEST_"], null);

    private static ChildProcess Start(string name, string workingDirectory, IEnumerable<string> args, string[] dropped, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(ProcessPaths.DotnetHost)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var key in start.Environment.Keys.Where(k => dropped.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var child = new ChildProcess(process, name);
        process.OutputDataReceived += (_, e) => child.Append(e.Data, error: false);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data, error: true);
        if (!process.Start())
        {
            throw new InvalidOperationException($"{child.Name} did not start.");
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    private void Append(string? line, bool error)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            if (!error)
            {
                _stdout.Add(line);
            }

            _all.Append(error ? "err| " : string.Empty).Append(line).Append('\n');
        }
    }

    /// <summary>Waits for a line on standard output; false when the process exited or the time ran out first.</summary>
    public async Task<bool> WaitForStdoutLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (StdoutLines.Any(match))
            {
                return true;
            }

            if (_process.HasExited)
            {
                // The last lines may still be in flight.
                await WaitForExitAsync(TimeSpan.FromSeconds(5));
                return StdoutLines.Any(match);
            }

            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The exit code, or null when the process still runs after <paramref name="timeout"/>. Output is complete once this returns a code.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>SIGKILL: the process ends at once, as in a crash (nothing of it runs any more).</summary>
    public void Kill() => _process.Kill(entireProcessTree: false);

    /// <summary>SIGTERM: a .NET host stops gracefully (IHostApplicationLifetime.StopApplication), as on <c>docker stop</c> or <c>systemctl stop</c>.</summary>
    public void Terminate()
    {
        // kill(1) rather than P/Invoke: the test assembly needs no unsafe code for one signal.
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("kill did not start.");
        if (!kill.WaitForExit(10_000) || kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -TERM {_process.Id} failed.");
        }
    }

    /// <summary>For assertion messages: the state of the process and its output (the last 20,000 characters).</summary>
    public string Describe()
    {
        var state = _process.HasExited ? $"exited with {_process.ExitCode}" : "still running";
        var output = Output;
        if (output.Length > 20_000)
        {
            output = "...\n" + output[^20_000..];
        }

        return $"--- {Name} (pid {Id}) {state} ---\n{output}--- end of {Name} ---";
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await WaitForExitAsync(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // It was never started or has already gone.
        }

        _process.Dispose();
    }
}
