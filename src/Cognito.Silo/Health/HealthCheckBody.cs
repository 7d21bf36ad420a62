namespace Cognito.Silo.Health;

/// <summary>One check in <see cref="HealthBody"/>.</summary>
public sealed record HealthCheckBody(string Name, string Status, string? Description, double DurationMs, IReadOnlyDictionary<string, string> Data);
