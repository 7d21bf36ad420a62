using Cognito.Grains.Refresh;
using Cognito.IdentityProvider.Configuration;
using Microsoft.Extensions.Options;

namespace Cognito.Grains.Configuration;

/// <summary>Checks the pool configuration when the silo starts, with messages that say what to fix (and never print secrets).</summary>
internal sealed class CognitoSiloOptionsValidator : IValidateOptions<CognitoSiloOptions>
{
    public ValidateOptionsResult Validate(string? name, CognitoSiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Pools.Count == 0)
        {
            failures.Add("Cognito:Pools is empty: configure at least one pool (UserPoolId, ClientId).");
        }

        foreach (var (pool, settings) in options.Pools)
        {
            var at = $"Cognito:Pools:{pool}";
            if (string.IsNullOrWhiteSpace(pool) || pool.Contains('/', StringComparison.Ordinal))
            {
                failures.Add($"{at}: a pool name must be non-empty and contain no '/'.");
            }

            if (!UserPoolId.TryParse(settings.UserPoolId, out _))
            {
                failures.Add($"{at}:UserPoolId must look like 'eu-west-1_AbC123'.");
            }

            if (string.IsNullOrWhiteSpace(settings.ClientId))
            {
                failures.Add($"{at}:ClientId is required.");
            }

            if (settings.ServiceUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
            {
                failures.Add($"{at}:ServiceUrl must be an absolute http(s) URL.");
            }

            if ((settings.AccessKeyId is null) != (settings.SecretAccessKey is null))
            {
                failures.Add($"{at}: set both AccessKeyId and SecretAccessKey, or neither (to use the default credential chain).");
            }

            if (settings.RefreshMargin < TimeSpan.Zero || settings.RefreshJitter < TimeSpan.Zero || settings.TokenLeeway < TimeSpan.Zero || settings.AliasRecheckInterval < TimeSpan.Zero)
            {
                failures.Add($"{at}: RefreshMargin, RefreshJitter, TokenLeeway and AliasRecheckInterval must not be negative.");
            }

            if (settings.AttemptTimeout <= TimeSpan.Zero || settings.TotalTimeout <= TimeSpan.Zero || settings.MaxRetryAttempts < 0)
            {
                failures.Add($"{at}: AttemptTimeout and TotalTimeout must be positive and MaxRetryAttempts not negative.");
            }

            var sessions = settings.Sessions;
            if (sessions.MaxPerUser < 0 || sessions.EndedLogCapacity < 1 || sessions.IdleLifetime <= TimeSpan.Zero || sessions.AbsoluteLifetime <= TimeSpan.Zero)
            {
                failures.Add($"{at}:Sessions: MaxPerUser must not be negative (0 = no limit), EndedLogCapacity must be positive, and IdleLifetime and AbsoluteLifetime positive when set.");
            }
        }

        ValidateBudget(options.RefreshBudget, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateBudget(RefreshBudgetOptions budget, List<string> failures)
    {
        const string at = "Cognito:RefreshBudget";
        if (!(budget.RequestsPerSecond > 0) || budget.Categories.Any(c => !(c.Value > 0)))
        {
            failures.Add($"{at}: RequestsPerSecond and every Categories:<name> must be positive.");
        }

        if (budget.Operations.Any(o => string.IsNullOrWhiteSpace(o.Value)))
        {
            failures.Add($"{at}: every Operations:<operation> must name a category.");
        }

        if (budget.MaxWait < TimeSpan.Zero || budget.IdleAfter < TimeSpan.Zero || budget.DeferSpread < TimeSpan.Zero || budget.TimerLookAhead < TimeSpan.Zero)
        {
            failures.Add($"{at}: MaxWait, IdleAfter, DeferSpread and TimerLookAhead must not be negative.");
        }

        if (!(budget.ThrottleDecrease > 0 && budget.ThrottleDecrease <= 1) || !(budget.MinimumFraction > 0 && budget.MinimumFraction <= 1) || !(budget.RecoveryPerSecond > 0))
        {
            failures.Add($"{at}: ThrottleDecrease and MinimumFraction must be in (0, 1] and RecoveryPerSecond positive.");
        }

        if (budget.ProvisionedLimitTimeout <= TimeSpan.Zero || budget.ProvisionedLimitTimeout > TimeSpan.FromSeconds(30))
        {
            failures.Add($"{at}: ProvisionedLimitTimeout must be positive and at most 30 seconds (it delays start-up).");
        }
    }
}
