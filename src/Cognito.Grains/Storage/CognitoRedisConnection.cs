using StackExchange.Redis;

namespace Cognito.Grains.Storage;

/// <summary>
/// The one Redis connection the session storage and its key ring share. It connects when the
/// storage starts (a silo whose Redis is unreachable at start does not start); afterwards
/// StackExchange.Redis reconnects by itself.
/// </summary>
internal sealed class CognitoRedisConnection : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _connection;

    public CognitoRedisConnection(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var options = ConfigurationOptions.Parse(connectionString);
        _connection = new(() => ConnectionMultiplexer.ConnectAsync(options), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public async Task<IConnectionMultiplexer> GetAsync() => await _connection.Value.ConfigureAwait(false);

    /// <summary>For Data Protection's key ring, read after the storage connected (so this does not block).</summary>
    internal IDatabase Database => _connection.Value.GetAwaiter().GetResult().GetDatabase();

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully)
        {
            var multiplexer = await _connection.Value.ConfigureAwait(false);
            await multiplexer.CloseAsync().ConfigureAwait(false);
            await multiplexer.DisposeAsync().ConfigureAwait(false);
        }
    }
}
