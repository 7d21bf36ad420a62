using System.Collections.Concurrent;
using Cognito.Client.Errors;
using Cognito.Grains.Configuration;
using Cognito.Grains.Refresh;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cognito.Grains.Pools;

/// <summary>The configured pools of this silo, built on first use.</summary>
internal sealed class CognitoPoolRegistry : IDisposable
{
    private readonly CognitoSiloOptions _options;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly IHttpClientFactory _http;
    private readonly RefreshBudgetRetryGate _retryGate;
    private readonly ConcurrentDictionary<string, Lazy<CognitoPool>> _pools = new(StringComparer.Ordinal);

    public CognitoPoolRegistry(IOptions<CognitoSiloOptions> options, TimeProvider timeProvider, ILoggerFactory loggerFactory, IHttpClientFactory httpClientFactory, RefreshBudgets budgets)
    {
        ArgumentNullException.ThrowIfNull(options);
        _retryGate = new RefreshBudgetRetryGate(budgets);
        _options = options.Value;
        _time = timeProvider;
        _loggers = loggerFactory;
        _http = httpClientFactory;
    }

    public IEnumerable<string> Names => _options.Pools.Keys;

    public CognitoPool Get(string name)
    {
        if (_pools.TryGetValue(name, out var existing))
        {
            return existing.Value;
        }

        if (!_options.Pools.TryGetValue(name, out var settings))
        {
            throw new UnknownPoolException($"No Cognito pool named '{name}' is configured on this silo.");
        }

        return _pools.GetOrAdd(name, n => new Lazy<CognitoPool>(() => new CognitoPool(n, settings, _http.CreateClient(CognitoHttpClients.NameFor(n)), _time, _loggers, _retryGate))).Value;
    }

    public void Dispose()
    {
        foreach (var pool in _pools.Values.Where(p => p.IsValueCreated))
        {
            pool.Value.Dispose();
        }
    }
}
