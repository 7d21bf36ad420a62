using System.Collections.Concurrent;
using Cognito.Grains.Configuration;
using Microsoft.Extensions.Options;

namespace Cognito.Grains.Refresh;

/// <summary>
/// This silo's refresh budgets, one per quota category, found by the operation a refresh calls.
/// They run on real time: Cognito counts requests per real second, whatever clock schedules the grains.
/// </summary>
internal sealed class RefreshBudgets
{
    private readonly RefreshBudgetOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, RefreshBudget> _budgets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, double> _rates = new(StringComparer.Ordinal);
    private int _silos = 1;

    public RefreshBudgets(IOptions<CognitoSiloOptions> options)
        : this(options?.Value.RefreshBudget ?? throw new ArgumentNullException(nameof(options)), TimeProvider.System)
    {
    }

    public RefreshBudgets(RefreshBudgetOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _time = time;
        foreach (var (category, rate) in options.Categories)
        {
            _rates[category] = rate;
        }
    }

    public RefreshBudgetOptions Options => _options;

    /// <summary>The budget of the category <paramref name="operation"/> counts in; null when budgets are off.</summary>
    public RefreshBudget? For(string operation)
    {
        if (!_options.Enabled)
        {
            return null;
        }

        var category = _options.Operations.GetValueOrDefault(operation) ?? operation;
        return _budgets.GetOrAdd(category, c =>
        {
            var budget = new RefreshBudget(c, _rates.GetValueOrDefault(c, _options.RequestsPerSecond), _options, _time);
            budget.SetActiveSilos(Volatile.Read(ref _silos));
            return budget;
        });
    }

    /// <summary>
    /// Changes a category's rate for the whole cluster while the silo runs (each silo must be told),
    /// for example after the account's quota was raised.
    /// </summary>
    public void SetRate(string category, double clusterRate)
    {
        ArgumentException.ThrowIfNullOrEmpty(category);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clusterRate);
        _rates[category] = clusterRate;
        if (_budgets.TryGetValue(category, out var budget))
        {
            budget.SetClusterRate(clusterRate);
        }
    }

    /// <summary>The cluster now has <paramref name="silos"/> active silos: every budget takes its new share.</summary>
    public void SetActiveSilos(int silos)
    {
        Volatile.Write(ref _silos, Math.Max(1, silos));
        foreach (var budget in _budgets.Values)
        {
            budget.SetActiveSilos(silos);
        }
    }
}
