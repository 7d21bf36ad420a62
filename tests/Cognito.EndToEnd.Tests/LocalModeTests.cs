using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Cognito.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace Cognito.EndToEnd.Tests;

/// <summary>
/// <c>Cognito.Silo --local</c> as a new user runs it: the kit's cognito-local behind the SRP front,
/// the facts a user needs printed, no log noise, data kept with <c>--data</c>, and one clear line
/// for a busy port.
/// </summary>
public sealed class LocalModeTests(ITestOutputHelper output)
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Local_mode_serves_srp_sign_in_and_global_sign_out_prints_what_a_user_needs_without_polly_or_gc_lines_and_keeps_its_data()
    {
        var data = Directory.CreateTempSubdirectory("silo-local-").FullName;
        try
        {
            var (silo, gatewayPort) = await StartLocalAsync(data);
            await using (silo)
            {
                var printed = string.Join('\n', silo.StdoutLines);
                Assert.Contains("demo user: demo / Demo-Passw0rd!", printed, StringComparison.Ordinal);
                Assert.Contains("every confirmation / reset / MFA code is 123456", printed, StringComparison.Ordinal);
                Assert.Contains($"data: {data} (kept across restarts)", printed, StringComparison.Ordinal);
                Assert.Contains("pool \"main\": local_", printed, StringComparison.Ordinal);

                // The scenario signs in with SRP (AuthenticateAsync) and signs out with GlobalSignOut (LogoutAsync).
                await using var client = ChildProcess.StartDotnet(ProcessPaths.Client,
                [
                    "--gateway-port", gatewayPort.ToString(CultureInfo.InvariantCulture),
                    "--username", "local-e2e",
                    "--password", "Local-Passw0rd!1",
                    "--new-password", "Local-Passw0rd!2",
                    "--email", "local-e2e@example.com",
                    "--code", "123456",
                ]);
                var exit = await client.WaitForExitAsync(ClientTimeout);
                output.WriteLine(client.Describe());
                Assert.True(exit == 0, $"The client exited with {exit}.\n{client.Describe()}\n{silo.Describe()}");

                Assert.Contains(silo.StdoutLines, l => l.StartsWith("A front end reaches this silo and pool with: --Cognito:Pool=main --Cognito:Issuer=", StringComparison.Ordinal));
                var noisy = silo.Output.Split('\n').Where(l => l.Contains("Polly", StringComparison.Ordinal) || l.Contains("ServerGC", StringComparison.Ordinal)).ToList();
                Assert.True(noisy.Count == 0, $"Log noise in the silo's output:\n{string.Join('\n', noisy)}");
                silo.Terminate();
                Assert.NotNull(await silo.WaitForExitAsync(ExitTimeout));
            }

            var (again, _) = await StartLocalAsync(data);
            await using (again)
            {
                Assert.Contains(again.StdoutLines, l => l.Contains("(reused from the data directory)", StringComparison.Ordinal));
                again.Terminate();
                await again.WaitForExitAsync(ExitTimeout);
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Theory]
    [InlineData("Orleans:GatewayPort", "gateway")]
    [InlineData("Orleans:SiloPort", "silo")]
    [InlineData("Cognito:Health:Port", "health endpoint")]
    public async Task A_busy_port_stops_the_silo_with_one_line_naming_it_and_the_setting_and_exit_code_3(string key, string what)
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var busy = ((IPEndPoint)holder.LocalEndpoint).Port;
        var free = FreePorts.Take(3);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Orleans__SiloPort"] = (key == "Orleans:SiloPort" ? busy : free[0]).ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = (key == "Orleans:GatewayPort" ? busy : free[1]).ToString(CultureInfo.InvariantCulture),
            ["Cognito__Health__Port"] = (key == "Cognito:Health:Port" ? busy : free[2]).ToString(CultureInfo.InvariantCulture),
            ["Cognito__Pools__main__UserPoolId"] = "local_Busy1",
            ["Cognito__Pools__main__ClientId"] = "client123",
        };
        await using var silo = ChildProcess.StartDotnet(ProcessPaths.Silo, [], environment);
        var exit = await silo.WaitForExitAsync(ExitTimeout);

        Assert.True(exit == 3, $"Expected exit code 3.\n{silo.Describe()}");
        var stderr = silo.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(stderr.Length == 1, $"Expected one line.\n{silo.Describe()}");
        Assert.Equal($"Port {busy} (the {what} port) is already in use; choose another with --{key}=N.", stderr[0]);
        Assert.DoesNotContain("   at ", silo.Output, StringComparison.Ordinal);
    }

    private static async Task<(ChildProcess Silo, int GatewayPort)> StartLocalAsync(string data)
    {
        var ports = FreePorts.Take(3);
        var silo = ChildProcess.StartDotnet(ProcessPaths.Silo, ["--local", "--data", data], new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Orleans__SiloPort"] = ports[0].ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = ports[1].ToString(CultureInfo.InvariantCulture),
            ["Cognito__Health__Port"] = ports[2].ToString(CultureInfo.InvariantCulture),
        });
        if (!await silo.WaitForStdoutLineAsync(l => l.StartsWith(SiloProcess.StartedLine, StringComparison.Ordinal), SiloProcess.StartTimeout))
        {
            var description = silo.Describe();
            await silo.DisposeAsync();
            throw new InvalidOperationException($"The local silo did not start.\n{description}");
        }

        return (silo, ports[1]);
    }
}
