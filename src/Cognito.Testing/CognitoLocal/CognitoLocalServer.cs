using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;


namespace Cognito.Testing.CognitoLocal;

/// <summary>
/// A real cognito-local emulator process on 127.0.0.1: installed with npm on first use (into the
/// shared tool cache), started from a fresh temporary directory (deleted when it stops) or from a
/// given data directory (kept, so its pools and users survive a restart), with every code set to
/// <see cref="Code"/>, and stopped by its process id.
/// </summary>
public sealed class CognitoLocalServer : IAsyncDisposable
{
    /// <summary>The cognito-local version this launcher installs and runs.</summary>
    public const string Version = "5.3.0";

    /// <summary>Every confirmation, verification, forgot-password and MFA code the emulator issues.</summary>
    public const string Code = "123456";

    private readonly Process _process;
    private readonly StringWriter _log = new();

    private CognitoLocalServer(Process process, string dataDirectory, bool temporary, Uri url)
    {
        _process = process;
        DataDirectory = dataDirectory;
        IsTemporary = temporary;
        Url = url;
    }

    /// <summary>Where the emulator answers, on 127.0.0.1.</summary>
    public Uri Url { get; }

    /// <summary>The directory whose <c>.cognito/</c> holds the emulator's pools, clients and users.</summary>
    public string DataDirectory { get; }

    /// <summary>Whether <see cref="DataDirectory"/> is deleted when the emulator stops.</summary>
    public bool IsTemporary { get; }

    /// <summary>The issuer prefix of the tokens it signs: <c>{Url}{poolId}</c>.</summary>
    public string IssuerFor(string poolId) => $"{Url.GetLeftPart(UriPartial.Authority)}/{poolId}";

    /// <summary>The emulator's process id (it is stopped by this id).</summary>
    public int ProcessId => _process.Id;

    /// <summary>What the emulator printed, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the emulator on a free loopback port. With <paramref name="dataDirectory"/> its data
    /// lives there and outlives it; without, in a temporary directory deleted on dispose.
    /// <paramref name="progress"/> hears about a first-use npm install.
    /// </summary>
    public static async Task<CognitoLocalServer> StartAsync(string? dataDirectory = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var prefix = await NpmPackages.EnsureInstalledAsync("cognito-local", Version, progress, cancellationToken);
        var bin = Path.Combine(prefix, "node_modules", ".bin", "cognito-local");
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var temporary = dataDirectory is null;
            var work = temporary ? Directory.CreateTempSubdirectory("cognito-local-").FullName : Path.GetFullPath(dataDirectory!);
            Directory.CreateDirectory(Path.Combine(work, ".cognito"));
            var config = new
            {
                UserPoolDefaults = new { UsernameAttributes = Array.Empty<string>() },
                TokenConfig = new { IssuerDomain = $"http://127.0.0.1:{port}" },
            };
            await File.WriteAllTextAsync(Path.Combine(work, ".cognito", "config.json"), JsonSerializer.Serialize(config), cancellationToken);

            var start = new ProcessStartInfo(bin)
            {
                WorkingDirectory = work,
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["HOST"] = "127.0.0.1";
            start.Environment["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["CODE"] = Code;
            start.Environment["NODE_NO_WARNINGS"] = "1";
            var process = Process.Start(start) ?? throw new InvalidOperationException("cognito-local did not start.");
            var server = new CognitoLocalServer(process, work, temporary, new Uri($"http://127.0.0.1:{port}/"));
            process.OutputDataReceived += (_, e) => server.Append(e.Data);
            process.ErrorDataReceived += (_, e) => server.Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            if (await server.WaitHealthyAsync(TimeSpan.FromSeconds(30), cancellationToken))
            {
                return server;
            }

            var log = server.Log;
            await server.DisposeAsync();
            if (attempt >= 3)
            {
                throw new InvalidOperationException($"cognito-local did not become healthy on port {port}:\n{log}");
            }
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.WriteLine(line);
        }
    }

    private async Task<bool> WaitHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(Url, "health"), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(100, cancellationToken);
        }

        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops the emulator and deletes its temporary data directory (a given one is kept).</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
        }
        catch (TimeoutException)
        {
        }

        _process.Dispose();
        if (!IsTemporary)
        {
            return;
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
