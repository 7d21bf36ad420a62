using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cognito.Grains.Health;

/// <summary>One pool's part of a health check: its status and why, in words and error codes only.</summary>
internal readonly record struct PoolVerdict(HealthStatus Status, string Why);
