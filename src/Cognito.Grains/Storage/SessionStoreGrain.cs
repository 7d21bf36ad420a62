using System.Globalization;
using Orleans.Storage;

namespace Cognito.Grains.Storage;

/// <summary>
/// Holds session states as objects. Orleans copies them on the way in and out of a call, and that
/// copy shares what is <c>[Immutable]</c> (the tokens) instead of keeping a serialized duplicate.
/// </summary>
[KeepAlive]
internal sealed class SessionStoreGrain : Grain, ISessionStoreGrain
{
    private readonly Dictionary<string, StoredState> _states = new(StringComparer.Ordinal);
    private long _version;

    public Task<StoredState?> ReadAsync(string key) => Task.FromResult(_states.GetValueOrDefault(key));

    public Task<string> WriteAsync(string key, object state, string? etag)
    {
        Check(key, etag);
        var next = (++_version).ToString(CultureInfo.InvariantCulture);
        _states[key] = new StoredState(state, next);
        return Task.FromResult(next);
    }

    public Task ClearAsync(string key, string? etag)
    {
        Check(key, etag);
        _states.Remove(key);
        return Task.CompletedTask;
    }

    private void Check(string key, string? etag)
    {
        var current = _states.GetValueOrDefault(key)?.ETag;
        if (current != etag)
        {
            throw new InconsistentStateException("The session state was changed by another activation.", current ?? "(none)", etag ?? "(none)");
        }
    }
}
