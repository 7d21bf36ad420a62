using Cognito.Grains.Logging;
using Cognito.IdentityProvider;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Model;
using Microsoft.Extensions.Logging;

namespace Cognito.Grains.Refresh;

/// <summary>
/// Lowers each budgeted category's cluster rate to the account's provisioned limit, read with
/// GetProvisionedLimit. The configured rate stays the ceiling: it leaves the headroom the operator
/// chose for sign-ins and other applications, and the provisioned limit can only take it lower.
/// Any failure (no permission, an endpoint without the operation, the network, the time limit)
/// keeps the configured rates, with one warning: the budget must never stop a silo from starting.
/// </summary>
internal static class ProvisionedLimitReader
{
    public const string ApiCategoryAttribute = "Category";

    public static async Task ApplyAsync(ICognitoIdentityProvider client, RefreshBudgets budgets, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(budgets);
        ArgumentNullException.ThrowIfNull(logger);
        var options = budgets.Options;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ProvisionedLimitTimeout);
        foreach (var category in options.Operations.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var configured = options.Categories.GetValueOrDefault(category, options.RequestsPerSecond);
            int provisioned;
            try
            {
                var response = await client.GetProvisionedLimitAsync(
                    new GetProvisionedLimitRequest
                    {
                        LimitDefinition = new LimitDefinitionType
                        {
                            LimitClass = LimitClass.ApiCategory,
                            Attributes = new Dictionary<string, string>(StringComparer.Ordinal) { [ApiCategoryAttribute] = category },
                        },
                    },
                    timeout.Token).WaitAsync(options.ProvisionedLimitTimeout, timeout.Token).ConfigureAwait(false);
                provisioned = response.Limit.ProvisionedLimitValue;
            }
            catch (Exception e) when (Unread(e, cancellationToken) is { } code)
            {
                // The first failure says it for every category: the same credentials, the same endpoint.
                GrainLog.ProvisionedLimitUnread(logger, category, code);
                return;
            }

            if (provisioned <= 0)
            {
                GrainLog.ProvisionedLimitUnread(logger, category, "NoLimitValue");
                return;
            }

            var rate = Math.Min(configured, provisioned);
            budgets.SetRate(category, rate);
            GrainLog.ProvisionedLimitApplied(logger, category, rate, provisioned, configured);
        }
    }

    /// <summary>The error code to log for a failed read, or null to let the exception through (the silo itself is stopping).</summary>
    private static string? Unread(Exception e, CancellationToken stopping) => e switch
    {
        OperationCanceledException when stopping.IsCancellationRequested => null,
        OperationCanceledException or TimeoutException => "Timeout",
        CognitoException cognito => cognito.ErrorCode,
        HttpRequestException => "TransportError",
        _ => e.GetType().Name,
    };
}
