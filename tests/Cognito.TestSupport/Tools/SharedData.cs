namespace Cognito.Testing.Tools;

/// <summary>
/// The project's test data that lives beside the repository in <c>../shared/data</c> (the AWS API
/// model, the SigV4 test suite). It is present on developers' machines and in CI, not in a user's
/// clone; a test that needs it fails with a message that says so.
/// </summary>
public static class SharedData
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string PathOf(params string[] parts)
    {
        var root = Environment.GetEnvironmentVariable("COGNITO_ORLEANS_SHARED_DATA") is { Length: > 0 } configured
            ? configured
            : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));
        var path = Path.Combine([root, .. parts]);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new FileNotFoundException(
                $"This test needs the project's shared test data at '{path}' (the AWS Cognito API model and SigV4 test suite, kept in ../shared/data beside the repository, or set COGNITO_ORLEANS_SHARED_DATA). It is not part of a plain clone.");
        }

        return path;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CognitoOrleans.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CognitoOrleans.sln was not found above the test's directory.");
    }
}
