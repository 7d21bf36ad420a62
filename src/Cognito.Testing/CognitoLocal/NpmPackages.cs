using System.Diagnostics;

namespace Cognito.Testing.CognitoLocal;

/// <summary>
/// Installs pinned npm packages into a cache folder outside the repository and reuses them.
/// The folder is <c>$COGNITO_ORLEANS_TOOLS</c>, else <c>~/.cache/cognito-orleans</c>. A lock file
/// keeps parallel test processes from installing the same package at once.
/// </summary>
public static class NpmPackages
{
    /// <summary>Where pinned npm packages are installed: <c>COGNITO_ORLEANS_TOOLS</c>, else <c>~/.cache/cognito-orleans</c>.</summary>
    public static string CacheRoot { get; } = Environment.GetEnvironmentVariable("COGNITO_ORLEANS_TOOLS") is { Length: > 0 } root
        ? root
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "cognito-orleans");

    /// <summary>
    /// Returns the install prefix of <paramref name="package"/>@<paramref name="version"/>, installing it on first use.
    /// <paramref name="progress"/> hears a line before and after an install (never when the cache has it), since one takes ~20 s.
    /// </summary>
    public static async Task<string> EnsureInstalledAsync(string package, string version, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var prefix = Path.Combine(CacheRoot, $"{package.Replace('/', '+')}-{version}");
        var marker = Path.Combine(prefix, ".installed");
        if (File.Exists(marker))
        {
            return prefix;
        }

        Directory.CreateDirectory(CacheRoot);
        await using var gate = await AcquireLockAsync(prefix + ".lock", cancellationToken);
        if (File.Exists(marker))
        {
            return prefix;
        }

        Directory.CreateDirectory(prefix);
        progress?.Report($"installing {package} {version} with npm (first run only, ~20 s)…");
        var (exit, output) = await RunAsync("npm", ["install", "--prefix", prefix, "--no-save", "--no-audit", "--no-fund", "--loglevel=error", $"{package}@{version}"], cancellationToken: cancellationToken);
        if (exit != 0)
        {
            throw new InvalidOperationException($"npm install {package}@{version} failed ({exit}):\n{output}");
        }

        await File.WriteAllTextAsync(marker, DateTimeOffset.UtcNow.ToString("O"), cancellationToken);
        progress?.Report($"{package} {version} installed in {prefix}");
        return prefix;
    }

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    /// <summary>Runs a program to completion and returns its exit code and combined output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, string? workingDirectory = null, string? standardInput = null, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }
}
