using Cognito.Grains.Hosting;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace Cognito.Grains.Storage;

/// <summary>
/// The Memory store for sessions. It keeps each state serialized; with Orleans' binary serializer
/// the tokens stay raw UTF-8 bytes there (JSON would base64 them, a third larger), and the record
/// is the same stored form the Redis storage encrypts.
/// </summary>
public static class MemorySessionStorage
{
    public static ISiloBuilder AddMemorySessionStorage(this ISiloBuilder builder) =>
        builder.AddMemoryGrainStorage(CognitoStorage.Name, options => options
            .Configure<Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer)));
}
