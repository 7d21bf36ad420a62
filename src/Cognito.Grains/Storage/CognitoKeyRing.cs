using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cognito.Grains.Storage;

/// <summary>
/// A Data Protection provider of the library's own, with its key ring in Redis under one key. It is
/// kept apart from the application's Data Protection (cookies, antiforgery) so that hosting the silo
/// in an ASP.NET Core app changes neither: each has its own key ring and application name.
/// </summary>
internal sealed class CognitoKeyRing : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public CognitoKeyRing(CognitoRedisConnection connection, string keyRingKey, string serviceId, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(keyRingKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        var services = new ServiceCollection();
        services.AddSingleton(loggerFactory);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddDataProtection()
            .SetApplicationName($"CognitoOrleans/{serviceId}")
            .PersistKeysToStackExchangeRedis(() => connection.Database, keyRingKey);
        _services = services.BuildServiceProvider();
        Provider = _services.GetRequiredService<IDataProtectionProvider>();
    }

    public IDataProtectionProvider Provider { get; }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
