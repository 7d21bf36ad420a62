using System.Globalization;
using Cognito.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace Cognito.EndToEnd.Tests.Packages;

/// <summary>The path a new user takes: pack the libraries, build a fresh app from the packages alone, sign in through a real silo.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class PackageTests(EndToEndFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_fresh_console_app_built_from_the_packed_packages_signs_in_through_the_silo()
    {
        var work = Directory.CreateTempSubdirectory("cognito-packages-");
        try
        {
            // A version of its own each run, so NuGet's global cache never serves an earlier run's package.
            var version = "0.9.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
            var feed = Path.Combine(work.FullName, "feed");
            foreach (var library in new[] { "Cognito.IdentityProvider", "Cognito.Client" })
            {
                var project = Path.Combine(ProcessPaths.RepositoryRoot, "src", library, library + ".csproj");
                await RunAsync(["pack", project, "-c", "Release", "-o", feed, "-p:Version=" + version, "--nologo"]);
                Assert.True(File.Exists(Path.Combine(feed, $"{library}.{version}.nupkg")), $"{library} was not packed");
            }

            var app = Path.Combine(work.FullName, "app");
            FreshClientApp.Write(app, feed, version);
            await RunAsync(["build", app, "-c", "Release", "--nologo"]);

            var password = "Pack3d!" + Guid.NewGuid().ToString("N")[..8];
            var username = await fixture.CreateUserAsync(fixture.Pool, fixture.UniqueName("packaged"), password);
            await using var client = ChildProcess.StartDotnet(
                Path.Combine(app, "bin", "Release", "net10.0", "FreshClient.dll"),
                [fixture.GatewayPort.ToString(CultureInfo.InvariantCulture), EndToEndFixture.PoolName, username],
                new Dictionary<string, string> { ["FRESH_CLIENT_PASSWORD"] = password });
            var exit = await client.WaitForExitAsync(TimeSpan.FromMinutes(2));
            output.WriteLine(client.Describe());
            Assert.True(exit == 0, client.Describe());
            Assert.Equal(["sign-in: SignedIn", "tokens: jwt"], client.StdoutLines);
            Assert.DoesNotContain(password, client.Output, StringComparison.Ordinal);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private async Task RunAsync(IReadOnlyList<string> arguments)
    {
        await using var step = ChildProcess.StartDotnetCommand(arguments);
        var exit = await step.WaitForExitAsync(StepTimeout);
        Assert.True(exit == 0, $"dotnet {string.Join(' ', arguments)} failed:\n{step.Describe()}");
        output.WriteLine($"dotnet {arguments[0]}: ok");
    }
}
