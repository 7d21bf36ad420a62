using Orleans.Configuration;

namespace Cognito.Grains.Hosting;

/// <summary>
/// How fast a Redis-membership cluster notices a silo that crashed (docs/operations.md, "Membership
/// and failover"). A crashed silo's users get errors until it is declared dead, so Orleans'
/// defaults (5 s probes, a table re-read every minute: about 15 s before anything moves, longer
/// for stragglers) are shortened to aim at recovery within 15 s on loopback and a LAN.
/// </summary>
public static class CognitoFailureDetection
{
    /// <summary>A probe every 2 s, each answered within 2 s (Orleans: 5 s). Shorter risks declaring a silo dead for a long GC pause or a CPU-starved host.</summary>
    public static readonly TimeSpan DefaultProbeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Missed probes before a silo suspects another (Orleans' 3): a crash is suspected after about 3 × <see cref="DefaultProbeTimeout"/>.</summary>
    public const int DefaultMissedProbesLimit = 3;

    /// <summary>Applies the timings to Orleans' membership options (Redis membership only; a localhost cluster has one silo).</summary>
    public static void Apply(ClusterMembershipOptions membership, TimeSpan probeTimeout, int missedProbesLimit)
    {
        ArgumentNullException.ThrowIfNull(membership);
        membership.ProbeTimeout = probeTimeout;
        // Orleans keeps the probe timeout it uses within MinProbeTimeout (2.5 s) and MaxProbeTimeout.
        membership.MinProbeTimeout = probeTimeout < membership.MinProbeTimeout ? probeTimeout : membership.MinProbeTimeout;
        membership.NumMissedProbesLimit = missedProbesLimit;

        // Two votes (the default) declare a silo dead; a vote older than this no longer counts. 30 s
        // (Orleans: 2 min) so that a suspicion from a pause long ago cannot combine with a new one.
        membership.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(30);

        // Death is gossiped at once; the table is re-read as a backstop every 10 s (Orleans: 1 min)
        // so a silo that missed the gossip stops routing to the dead one soon anyway.
        membership.TableRefreshTimeout = TimeSpan.FromSeconds(10);

        // Each silo stamps "I am alive" into Redis every 10 s (Orleans: 30 s). Silos and clients
        // that start while a crashed silo is still listed as active (say, after the whole cluster
        // went down) recognise it as stale after 3 missed stamps, 30 s, rather than 90 s.
        membership.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
    }
}
