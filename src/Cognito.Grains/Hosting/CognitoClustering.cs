namespace Cognito.Grains.Hosting;

/// <summary>How silos find each other (<c>Orleans:Clustering</c>).</summary>
public enum CognitoClustering
{
    /// <summary>One silo on this machine, on loopback: development and the quick start.</summary>
    Localhost,

    /// <summary>Membership in Redis: many silos, on many machines.</summary>
    Redis,
}
