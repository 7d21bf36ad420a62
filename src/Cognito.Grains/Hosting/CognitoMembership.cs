namespace Cognito.Grains.Hosting;

/// <summary>How silos find each other (<c>Orleans:Membership</c>).</summary>
public enum CognitoMembership
{
    /// <summary>One silo on this machine, on loopback: development and the quick start.</summary>
    Localhost,

    /// <summary>Membership in Redis: many silos, on many machines.</summary>
    Redis,
}
