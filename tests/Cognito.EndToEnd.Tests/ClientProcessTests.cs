using System.Globalization;
using Cognito.EndToEnd.Tests.Support;

namespace Cognito.EndToEnd.Tests;

/// <summary>The client console app's own failure paths, without a silo.</summary>
public sealed class ClientProcessTests
{
    private const string Password = "Sup3r!SecretValue";

    [Fact]
    public async Task Missing_arguments_exit_with_code_2_and_usage_without_repeating_the_password()
    {
        await using var client = ChildProcess.StartDotnet(ProcessPaths.Client, ["--gateway-port", "30000", "--password", Password]);
        var exit = await client.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.True(exit == 2, client.Describe());
        Assert.Contains("--username is required", client.Stderr, StringComparison.Ordinal);
        Assert.Contains("usage:", client.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, client.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_silo_at_the_gateway_port_fails_the_connect_step_within_the_step_timeout()
    {
        var port = FreePorts.Take(1)[0];
        await using var client = ChildProcess.StartDotnet(ProcessPaths.Client,
        [
            "--gateway-port", port.ToString(CultureInfo.InvariantCulture),
            "--username", "nobody",
            "--password", Password,
            "--email", "nobody@example.com",
            "--step-timeout", "2",
        ]);
        var exit = await client.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.True(exit == 1, client.Describe());
        var line = Assert.Single(client.StdoutLines);
        Assert.StartsWith("connect: FAILED ", line, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, client.Output, StringComparison.Ordinal);
    }
}
