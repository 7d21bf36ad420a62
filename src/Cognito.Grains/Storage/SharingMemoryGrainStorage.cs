using Orleans.Storage;

namespace Cognito.Grains.Storage;

/// <summary>
/// The sessions' Memory store. Orleans' MemoryGrainStorage keeps every state serialized, a second
/// ~4 KB copy of each session's tokens beside the activation's; this one keeps the states as
/// objects in a few keep-alive grains, so within a silo the store and the activation share the
/// immutable tokens. Like Orleans' Memory store it is lost with the silo that holds a bucket.
/// </summary>
internal sealed class SharingMemoryGrainStorage(IGrainFactory grains) : IGrainStorage
{
    private const int Buckets = 10;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = Key(stateName, grainId);
        if (await Bucket(key).ReadAsync(key) is { } stored)
        {
            grainState.State = (T)stored.State;
            grainState.ETag = stored.ETag;
            grainState.RecordExists = true;
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = Key(stateName, grainId);
        grainState.ETag = await Bucket(key).WriteAsync(key, grainState.State!, grainState.ETag);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = Key(stateName, grainId);
        await Bucket(key).ClearAsync(key, grainState.ETag);
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private static string Key(string stateName, GrainId grainId) => $"{stateName}/{grainId}";

    // The references are made once: GetGrain resolves the interface's grain type through reflection on
    // every call, which showed up as most of a state write's CPU in the sign-in profile.
    private ISessionStoreGrain[]? _buckets;

    private ISessionStoreGrain Bucket(string key)
    {
        // A race only makes equal references twice.
        var buckets = _buckets ??= [.. Enumerable.Range(0, Buckets).Select(i => grains.GetGrain<ISessionStoreGrain>(i))];
        return buckets[(uint)StableHash(key) % Buckets];
    }

    // string.GetHashCode differs between processes; the bucket must be the same on every silo.
    private static int StableHash(string key)
    {
        var hash = 17;
        foreach (var c in key)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }
}
