using Cognito.IdentityProvider.Configuration;
using Cognito.IdentityProvider.Errors;

namespace Cognito.Grains.Refresh;

/// <summary>
/// The wire client's retries of operations that count in a budgeted quota category (the refresh
/// operations, and InitiateAuth and AdminInitiateAuth for sign-ins) take a slot from that
/// category's budget like a caller with expired tokens: a retry is sent only in a booked slot,
/// and when none comes within <see cref="RefreshBudgetOptions.MaxWait"/> the call fails with its
/// last error instead. A throttled attempt shrinks the budget at once, before the retries run out.
/// </summary>
internal sealed class RefreshBudgetRetryGate(RefreshBudgets budgets) : ICognitoRetryGate
{
    public async ValueTask<bool> WaitToRetryAsync(string operation, Exception failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (!budgets.Options.Operations.ContainsKey(operation) || budgets.For(operation) is not { } budget)
        {
            return true;
        }

        if (failure is TooManyRequestsException)
        {
            budget.OnThrottled();
        }

        var grant = budget.Request(RefreshPriority.Caller);
        if (!grant.Granted)
        {
            return false;
        }

        if (grant.Wait > TimeSpan.Zero)
        {
            await Task.Delay(grant.Wait, budget.Time, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }
}
