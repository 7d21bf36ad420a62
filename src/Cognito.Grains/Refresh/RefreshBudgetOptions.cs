namespace Cognito.Grains.Refresh;

/// <summary>
/// How many refreshes per second the whole cluster may send to Cognito (<c>Cognito:RefreshBudget</c>).
/// Cognito's quotas are per account and region, summed over every operation of a category
/// (UserAuthentication: InitiateAuth, AdminInitiateAuth, 120 per second by default); the budget
/// keeps refreshes inside the share the operator gives them. Each silo takes an equal part.
/// </summary>
public sealed class RefreshBudgetOptions
{
    /// <summary>The configuration section: <c>Cognito:RefreshBudget</c>.</summary>
    public const string SectionName = "RefreshBudget";

    /// <summary>False sends every refresh at once, as before budgets existed.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Refreshes per second for the whole cluster in a category not listed in <see cref="Categories"/>.
    /// Cognito's default UserAuthentication quota is 120; the rest is left to sign-ins.
    /// </summary>
    public double RequestsPerSecond { get; set; } = 100;

    /// <summary>Refreshes per second for the whole cluster, by quota category, where it differs from <see cref="RequestsPerSecond"/>.</summary>
    public Dictionary<string, double> Categories { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The quota category of each budgeted operation: refreshes take from its budget, and so do
    /// the wire client's retries of any of these operations (sign-ins included).
    /// GetTokensFromRefreshToken's category is not published; it is assumed to count as UserAuthentication.
    /// </summary>
    public Dictionary<string, string> Operations { get; } = new(StringComparer.Ordinal)
    {
        ["InitiateAuth"] = "UserAuthentication",
        ["AdminInitiateAuth"] = "UserAuthentication",
        ["GetTokensFromRefreshToken"] = "UserAuthentication",
    };

    /// <summary>The longest a caller whose tokens expired waits for the budget; past it the caller gets a <c>TooManyRequestsException</c>.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A session used within this long is in use: its timer refreshes it ahead of expiry. An idle
    /// one is refreshed ahead only while the budget has room, otherwise on its next use.
    /// </summary>
    public TimeSpan IdleAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How far ahead a timer may book the budget's next slot and wait for it. Sessions that fall
    /// due together are then spaced at the budget's rate instead of deferred; a caller with
    /// expired tokens queues behind at most this much of timers' bookings.
    /// </summary>
    public TimeSpan TimerLookAhead { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A timer refresh the budget defers comes back within this much random time, so deferred sessions don't return together.</summary>
    public TimeSpan DeferSpread { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>What a throttled answer multiplies the budget by (multiplicative decrease).</summary>
    public double ThrottleDecrease { get; set; } = 0.5;

    /// <summary>How much of its share a shrunk budget regains per second (additive increase).</summary>
    public double RecoveryPerSecond { get; set; } = 0.02;

    /// <summary>The smallest share of its configured rate a budget shrinks to.</summary>
    public double MinimumFraction { get; set; } = 0.05;

    /// <summary>
    /// At start-up, read the account's provisioned limit of each budgeted category with
    /// GetProvisionedLimit (IAM permission <c>cognito-idp:GetProvisionedLimit</c>, signed with the
    /// first pool's credentials). The cluster's rate becomes the lower of the configured rate and
    /// the provisioned limit. When the limit cannot be read the configured rate stays.
    /// </summary>
    public bool ReadProvisionedLimit { get; set; }

    /// <summary>The longest start-up waits for the provisioned limit before it keeps the configured rate.</summary>
    public TimeSpan ProvisionedLimitTimeout { get; set; } = TimeSpan.FromSeconds(3);
}
