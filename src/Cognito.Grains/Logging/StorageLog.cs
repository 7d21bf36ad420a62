using Cognito.Client.Errors;
using Microsoft.Extensions.Logging;

namespace Cognito.Grains.Logging;

/// <summary>The storage's log lines: state types, keys and faults only, never stored content.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "A stored {StateType} record cannot be read ({Fault}); the grain refuses its session calls until the user signs in again.")]
    public static partial void UnreadableRecord(ILogger logger, string stateType, StoredStateFault fault);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "User {Key} had an unreadable session record ({Fault}); a new sign-in replaces it.")]
    public static partial void UnreadableReplaced(ILogger logger, string key, StoredStateFault fault);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "The ended-sessions log of pool {Pool} had an unreadable record ({Fault}); it starts over, and pollers get a page that is not complete.")]
    public static partial void UnreadableLogReset(ILogger logger, string pool, StoredStateFault fault);
}
