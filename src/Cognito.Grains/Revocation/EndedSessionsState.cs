using Cognito.Client.Errors;
using Cognito.Grains.Storage;

namespace Cognito.Grains.Revocation;

/// <summary>
/// What a pool's ended-sessions log persists. Versions only grow; a log that starts empty (new, or
/// its record was lost or unreadable) starts at the clock's milliseconds, above any version a
/// poller can hold from an earlier log, and counts everything before as dropped.
/// </summary>
[GenerateSerializer, Alias("Cognito.EndedSessionsState")]
internal sealed class EndedSessionsState : IRecoverableState
{
    /// <summary>The version of the latest addition.</summary>
    [Id(0)]
    public long Version { get; set; }

    /// <summary>Pollers at a version below this may have missed live entries (dropped for size, or a lost log).</summary>
    [Id(1)]
    public long DroppedThrough { get; set; }

    /// <summary>The live entries, by version ascending.</summary>
    [Id(2)]
    public List<LoggedSession> Entries { get; set; } = [];

    // Never stored: set when the stored record could not be read; the log then starts over.
    [NonSerialized]
    private StoredStateFault? _unreadable;

    public StoredStateFault? Unreadable => _unreadable;

    public void MarkUnreadable(StoredStateFault fault) => _unreadable = fault;
}
