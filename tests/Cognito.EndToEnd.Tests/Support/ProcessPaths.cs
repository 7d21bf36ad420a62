using System.Reflection;

namespace Cognito.EndToEnd.Tests.Support;

/// <summary>
/// Where the silo and the client console app were built. The project file asks their own projects
/// (MSBuild's GetTargetPath, so any Configuration or OutputPath is right) and records the answers
/// as assembly metadata of this test assembly.
/// </summary>
public static class ProcessPaths
{
    public static string Silo => Find("Cognito.Silo");

    public static string Client => Find("Cognito.EndToEnd.Client");

    public static string LoadClient => Find("Cognito.EndToEnd.LoadClient");

    /// <summary>The sample front end, <c>samples/Cognito.Web</c>.</summary>
    public static string Web => Find("Cognito.Web");

    /// <summary>The repository the tests were built from.</summary>
    public static string RepositoryRoot =>
        typeof(ProcessPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value
        ?? throw new InvalidOperationException("This test assembly records no RepositoryRoot (see its project file).");

    /// <summary>The <c>dotnet</c> host that runs this test (the SDK sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string Find(string name)
    {
        var path = typeof(ProcessPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == name)?.Value
            ?? throw new InvalidOperationException($"This test assembly records no build path for {name} (see RecordEndToEndProcessPaths in its project file).");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{name} is not built at {path}: build the solution (dotnet build CognitoOrleans.sln) before running these tests.", path);
    }
}
