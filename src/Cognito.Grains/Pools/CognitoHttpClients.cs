namespace Cognito.Grains.Pools;

/// <summary>
/// The names of the pools' HTTP clients in <see cref="System.Net.Http.IHttpClientFactory"/>: one
/// named client per configured pool, so an application adds its own handlers to a pool's Cognito
/// calls with <c>services.AddHttpClient(CognitoHttpClients.NameFor("main")).AddHttpMessageHandler&lt;T&gt;()</c>.
/// </summary>
public static class CognitoHttpClients
{
    /// <summary>What every pool's client name starts with.</summary>
    public const string Prefix = "Cognito:";

    /// <summary>The client name of the pool configured as <paramref name="poolName"/>: <c>Cognito:{poolName}</c>.</summary>
    public static string NameFor(string poolName)
    {
        ArgumentException.ThrowIfNullOrEmpty(poolName);
        return Prefix + poolName;
    }
}
