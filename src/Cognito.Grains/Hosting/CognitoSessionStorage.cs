namespace Cognito.Grains.Hosting;

/// <summary>Where the users' sessions are kept (<c>Orleans:Storage</c>).</summary>
public enum CognitoSessionStorage
{
    /// <summary>In the silos' memory: lost when a silo stops. Development and the quick start.</summary>
    Memory,

    /// <summary>In Redis, encrypted with a Data Protection key ring kept in the same Redis.</summary>
    Redis,
}
