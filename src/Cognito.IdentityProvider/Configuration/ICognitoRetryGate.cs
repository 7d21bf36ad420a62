namespace Cognito.IdentityProvider.Configuration;

/// <summary>
/// Asked before the wire client sends a call again after a transient failure. Cognito counts
/// every attempt against the account's quota, not only the first, so a host that budgets its
/// calls (the grains' refresh budget) makes retries take from the same budget through this.
/// </summary>
public interface ICognitoRetryGate
{
    /// <summary>
    /// Waits until <paramref name="operation"/> may be sent again after <paramref name="failure"/>.
    /// False when the gate has no room within its own bound: the call then fails with
    /// <paramref name="failure"/> instead of retrying. Operations the gate does not count pass at once.
    /// </summary>
    ValueTask<bool> WaitToRetryAsync(string operation, Exception failure, CancellationToken cancellationToken);
}
