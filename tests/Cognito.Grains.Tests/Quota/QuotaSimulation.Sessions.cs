namespace Cognito.Grains.Tests.Quota;

/// <summary>The simulation's events and sessions.</summary>
internal sealed partial class QuotaSimulation
{
    private enum EventKind
    {
        Use,
        Timer,
        BookedSlot,
    }

    private enum Activity
    {
        /// <summary>Every few minutes.</summary>
        Steady,

        /// <summary>Once every few hours.</summary>
        Rare,

        /// <summary>Bursts of calls seconds apart, an hour or two between bursts.</summary>
        Bursty,
    }

    private sealed class Session(Activity kind)
    {
        public Activity Kind { get; } = kind;

        public DateTimeOffset ExpiresAt { get; set; }

        public DateTimeOffset LastUsed { get; set; }

        public DateTimeOffset RefreshingUntil { get; set; }

        public int TimerVersion { get; set; }

        public int Failures { get; set; }

        public int Refreshes { get; set; }

        public int BurstLeft { get; set; }
    }
}
