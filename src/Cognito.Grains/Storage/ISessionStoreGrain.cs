namespace Cognito.Grains.Storage;

/// <summary>One of the memory store's buckets of session states (see <see cref="SharingMemoryGrainStorage"/>).</summary>
[Alias("Cognito.ISessionStoreGrain")]
internal interface ISessionStoreGrain : IGrainWithIntegerKey
{
    [Alias("Read")]
    Task<StoredState?> ReadAsync(string key);

    [Alias("Write")]
    Task<string> WriteAsync(string key, object state, string? etag);

    [Alias("Clear")]
    Task ClearAsync(string key, string? etag);
}

/// <summary>A state as the memory store holds it, with its ETag.</summary>
[GenerateSerializer, Alias("Cognito.StoredState")]
internal sealed record StoredState([property: Id(0)] object State, [property: Id(1)] string ETag);
