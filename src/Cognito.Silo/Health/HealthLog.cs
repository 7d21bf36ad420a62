using Microsoft.Extensions.Logging;

namespace Cognito.Silo.Health;

internal static partial class HealthLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Health endpoint listening on port {Port} (/health, /health/ready, /health/live).")]
    public static partial void Listening(ILogger logger, int port);
}
