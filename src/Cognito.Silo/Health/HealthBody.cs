namespace Cognito.Silo.Health;

/// <summary>The health endpoint's answer: the overall status and each check's, with no exception text.</summary>
public sealed record HealthBody(string Status, double DurationMs, IReadOnlyList<HealthCheckBody> Checks);
