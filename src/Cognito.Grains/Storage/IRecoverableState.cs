using Cognito.Client.Errors;

namespace Cognito.Grains.Storage;

/// <summary>
/// A state type that can stand in for a stored record that could not be read. The serializer hands
/// the grain such a marked, empty state instead of failing the activation, so the grain can refuse
/// this one user's calls with a typed error while every other user goes on.
/// </summary>
internal interface IRecoverableState
{
    /// <summary>Why the stored record could not be read, or null when it was read (or never existed).</summary>
    StoredStateFault? Unreadable { get; }

    void MarkUnreadable(StoredStateFault fault);
}
