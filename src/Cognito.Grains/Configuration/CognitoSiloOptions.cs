using Cognito.Grains.Refresh;

namespace Cognito.Grains.Configuration;

/// <summary>The pools the silo serves, by the name callers use in grain keys (for example <c>"main"</c>).</summary>
public sealed class CognitoSiloOptions
{
    /// <summary>The configuration section: <c>Cognito</c>.</summary>
    public const string SectionName = "Cognito";

    /// <summary>The pools, by name.</summary>
    public Dictionary<string, CognitoPoolOptions> Pools { get; } = new(StringComparer.Ordinal);

    /// <summary>How fast the cluster may refresh sessions (<c>Cognito:RefreshBudget</c>).</summary>
    public RefreshBudgetOptions RefreshBudget { get; } = new();
}
