namespace Cognito.Client.Model;

/// <summary>An answer of <c>IEndedSessionsGrain.GetSinceAsync</c>.</summary>
/// <param name="Version">Pass it to the next call to get only what was added after this page.</param>
/// <param name="Entries">The entries added after the version asked for (or all live ones when not <paramref name="IsComplete"/>).</param>
/// <param name="IsComplete">False when the log had dropped part of what came after the version asked for: replace, don't add.</param>
[GenerateSerializer, Immutable, Alias("Cognito.EndedSessionsPage")]
public sealed record EndedSessionsPage(
    [property: Id(0)] long Version,
    [property: Id(1)] IReadOnlyList<EndedSession> Entries,
    [property: Id(2)] bool IsComplete);
