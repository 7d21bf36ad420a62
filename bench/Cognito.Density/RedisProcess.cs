using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;

namespace Cognito.Density;

/// <summary>A private redis-server on a free loopback port, from a temp dir, no persistence; killed by PID on dispose.</summary>
public sealed class RedisProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private RedisProcess(Process process, string directory, int port) => (_process, _directory, Port) = (process, directory, port);

    public int Port { get; }

    /// <summary>The server's process id, for its CPU time per call.</summary>
    public int ProcessId => _process.Id;

    public string ConnectionString => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public static async Task<RedisProcess> StartAsync()
    {
        var port = BenchSilo.FreePort();
        var directory = Directory.CreateTempSubdirectory("cognito-bench-redis-").FullName;
        var start = new ProcessStartInfo("redis-server") { WorkingDirectory = directory, UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var a in (string[])["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", directory, "--save", "", "--appendonly", "no"])
        {
            start.ArgumentList.Add(a);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start (apt-get install redis-server).");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        var redis = new RedisProcess(process, directory, port);
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",connectTimeout=500");
                await probe.GetDatabase().PingAsync();
                return redis;
            }
            catch (RedisConnectionException)
            {
                await Task.Delay(100);
            }
        }

        await redis.DisposeAsync();
        throw new InvalidOperationException("redis-server did not answer.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
