using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cognito.Testing.CognitoLocal;

namespace Cognito.Benchmarks.Tokens;

/// <summary>aws-jwt-verify in a node child process, fed the same tokens and JWKS through a file, driven one round at a time over stdin.</summary>
internal sealed class NodeVerifier : IDisposable
{
    public const string Package = "aws-jwt-verify";
    public const string Version = "5.2.1";

    private readonly Process _node;
    private readonly string _dataFile;

    private NodeVerifier(Process node, string dataFile, string nodeVersion)
    {
        _node = node;
        _dataFile = dataFile;
        NodeVersion = nodeVersion;
    }

    public string NodeVersion { get; }

    public static async Task<NodeVerifier> StartAsync(BenchTokens tokens)
    {
        var prefix = await NpmPackages.EnsureInstalledAsync(Package, Version, new Progress<string>(Console.WriteLine));
        var dataFile = Path.Combine(Path.GetTempPath(), $"token-bench-{Environment.ProcessId}.json");
        await File.WriteAllTextAsync(dataFile, new JsonObject
        {
            ["poolId"] = BenchTokens.PoolId,
            ["clientId"] = BenchTokens.ClientId,
            ["jwks"] = tokens.Jwks,
            ["tokens"] = new JsonArray([.. tokens.Distinct.Select(t => (JsonNode)t)]),
            ["repeated"] = tokens.Repeated,
        }.ToJsonString());

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Tokens", "aws-jwt-verify-bench.js"));
        start.ArgumentList.Add(prefix);
        start.ArgumentList.Add(dataFile);
        var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var ready = JsonNode.Parse(await node.StandardOutput.ReadLineAsync() ?? "{}")!;
        return new NodeVerifier(node, dataFile, ready["node"]?.GetValue<string>() ?? "?");
    }

    /// <summary>Runs one round in node: every distinct token once, or the repeated token <paramref name="count"/> times.</summary>
    public async Task<(int Count, double Seconds)> RunAsync(bool distinct, int count)
    {
        await _node.StandardInput.WriteLineAsync(distinct ? "distinct" : $"repeated {count}");
        await _node.StandardInput.FlushAsync();
        var answer = JsonNode.Parse(await _node.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("node exited."))!;
        if (answer["error"] is { } error)
        {
            throw new InvalidOperationException($"aws-jwt-verify refused a token: {error}");
        }

        var verified = answer["verified"]!.GetValue<int>();
        var total = answer["count"]!.GetValue<int>();
        if (verified != total)
        {
            throw new InvalidOperationException($"aws-jwt-verify verified {verified} of {total}.");
        }

        return (total, answer["ns"]!.GetValue<double>() / 1e9);
    }

    public void Dispose()
    {
        try
        {
            _node.StandardInput.WriteLine("quit");
            if (!_node.WaitForExit(5000))
            {
                _node.Kill();
            }
        }
        finally
        {
            _node.Dispose();
            File.Delete(_dataFile);
        }
    }
}
