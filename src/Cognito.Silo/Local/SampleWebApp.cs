using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace Cognito.Silo.Local;

/// <summary>
/// The sample web app (<c>samples/Cognito.Web</c>) as a child process beside the local silo: an Orleans
/// client of its gateway, signing users in to the local pool, on <see cref="Url"/>. Its output is shown
/// with a "web| " prefix; stopping the silo stops it.
/// </summary>
internal sealed class SampleWebApp : IAsyncDisposable
{
    public const string Url = "http://localhost:5080";

    private readonly Process _process;

    private SampleWebApp(Process process) => _process = process;

    /// <summary>The sample's project in the repository this silo was built from, if it is there.</summary>
    public static string? FindProject()
    {
        var root = typeof(SampleWebApp).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        var project = root is null ? null : Path.Combine(root, "samples", "Cognito.Web", "Cognito.Web.csproj");
        return project is not null && File.Exists(project) ? project : null;
    }

    /// <summary>The arguments that point a front end at this silo and its local pool.</summary>
    public static IReadOnlyList<string> FrontEndArguments(QuickStart quickStart, int gatewayPort) =>
    [
        $"--Cognito:Pool={QuickStart.PoolName}",
        $"--Cognito:Issuer={quickStart.Pool.Issuer}",
        $"--Cognito:ClientId={quickStart.Pool.ClientId}",
        $"--Cognito:GatewayPort={gatewayPort.ToString(CultureInfo.InvariantCulture)}",
    ];

    public static SampleWebApp Start(string project, IReadOnlyList<string> frontEndArguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["run", "--project", project, "--no-launch-profile", "--", .. frontEndArguments, "--urls", Url])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started for the sample web app.");
        process.OutputDataReceived += (_, e) => Show(e.Data);
        process.ErrorDataReceived += (_, e) => Show(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SampleWebApp(process);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static void Show(string? line)
    {
        if (line is not null)
        {
            Console.WriteLine("web| " + line);
        }
    }
}
