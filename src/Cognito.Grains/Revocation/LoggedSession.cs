using Cognito.Client.Model;

namespace Cognito.Grains.Revocation;

/// <summary>One entry of the ended-sessions log with the version it was added under.</summary>
[GenerateSerializer, Immutable, Alias("Cognito.LoggedSession")]
internal sealed record LoggedSession(
    [property: Id(0)] long Version,
    [property: Id(1)] EndedSession Entry);
