using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace Cognito.Density;

/// <summary>
/// The silo and redis-server in this process's care; the callers in a child process (this program
/// in "client" mode), so every fetch crosses a process boundary as in production.
/// </summary>
public static class FetchRun
{
    public static async Task<int> RunAsync(string[] args, LogLevel logLevel)
    {
        using var key = RSA.Create(2048);
        var keyFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(keyFile, key.ExportPkcs8PrivateKeyPem());
        try
        {
            var gateway = BenchSilo.FreePort();
            using var host = BenchSilo.Build(new TokenMinter(key).Jwks(), BenchSilo.FreePort(), gateway, logLevel);
            await host.StartAsync();
            await using var redis = await RedisProcess.StartAsync();
            var self = Environment.ProcessPath!;
            var start = new ProcessStartInfo(self) { UseShellExecute = false };
            if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            {
                start.ArgumentList.Add(typeof(FetchRun).Assembly.Location);
            }

            foreach (var a in (string[])["client", "--gateway", gateway.ToString(CultureInfo.InvariantCulture), "--redis", redis.ConnectionString, "--key", keyFile, "--silo-pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), "--redis-pid", redis.ProcessId.ToString(CultureInfo.InvariantCulture), .. args])
            {
                start.ArgumentList.Add(a);
            }

            using var client = Process.Start(start) ?? throw new InvalidOperationException("The client process did not start.");
            await client.WaitForExitAsync();
            await host.StopAsync();
            return client.ExitCode;
        }
        finally
        {
            File.Delete(keyFile);
        }
    }
}
