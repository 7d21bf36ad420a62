using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Cognito.Grains.Tests;

/// <summary>
/// The fake clock of each test cluster, found by the id in its configuration: silo configurators
/// are created by type, so the fixture hands its clock over through this registry.
/// </summary>
internal static class FakeClocks
{
    public const string ConfigurationKey = "Test:ClockId";

    private static readonly ConcurrentDictionary<string, FakeTimeProvider> Clocks = new();

    public static (string Id, FakeTimeProvider Clock) Create()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var id = Guid.NewGuid().ToString("N");
        Clocks[id] = clock;
        return (id, clock);
    }

    public static FakeTimeProvider Get(string id) => Clocks[id];

    public static void Remove(string id) => Clocks.TryRemove(id, out _);
}
