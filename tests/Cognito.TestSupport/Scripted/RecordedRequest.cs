namespace Cognito.Testing.Scripted;

/// <summary>A request as the scripted server saw it.</summary>
public sealed record RecordedRequest(string Method, string Path, string? Target, string? ContentType, string? Authorization, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The operation named by <c>X-Amz-Target</c>, without the service prefix.</summary>
    public string? Operation => Target?[(Target.IndexOf('.', StringComparison.Ordinal) + 1)..];
}
