using System.Globalization;

namespace Cognito.EndToEnd.Tests.Support;

/// <summary>
/// <c>samples/Cognito.Web</c> as its own process: an Orleans client of the test's silo on a free
/// localhost port, with its Data Protection key ring in a temporary directory the tests can read.
/// </summary>
public sealed class SampleWebProcess : IAsyncDisposable
{
    private const string ListeningLine = "Now listening on";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private SampleWebProcess(ChildProcess process, Uri url, string keysDirectory)
    {
        Process = process;
        Url = url;
        KeysDirectory = keysDirectory;
    }

    public ChildProcess Process { get; }

    /// <summary>The sample's address; <c>localhost</c>, so browsers keep its Secure cookies over plain HTTP.</summary>
    public Uri Url { get; }

    public string KeysDirectory { get; }

    public static async Task<SampleWebProcess> StartAsync(string pool, string issuer, string clientId, int gatewayPort)
    {
        var keys = Directory.CreateTempSubdirectory("cognito-web-keys-").FullName;
        var (process, url) = await ReadyProcess.StartAsync(() =>
        {
            var address = new Uri($"http://localhost:{FreePorts.Take(1)[0].ToString(CultureInfo.InvariantCulture)}/");
            return (ChildProcess.StartDotnet(ProcessPaths.Web,
            [
                $"--Cognito:Pool={pool}",
                $"--Cognito:Issuer={issuer}",
                $"--Cognito:ClientId={clientId}",
                $"--Cognito:GatewayPort={gatewayPort.ToString(CultureInfo.InvariantCulture)}",
                $"--DataProtection:KeysDirectory={keys}",
                $"--urls={address.GetLeftPart(UriPartial.Authority)}",
            ]), address);
        }, ListeningLine, StartTimeout);
        return new SampleWebProcess(process, url, keys);
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        try
        {
            Directory.Delete(KeysDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory is harmless.
        }
    }
}
