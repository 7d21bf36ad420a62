namespace Cognito.Grains.Hosting;

/// <summary>The Redis the cluster uses for membership and/or sessions (<c>Orleans:Redis</c>).</summary>
public sealed class CognitoRedisOptions
{
    /// <summary>A StackExchange.Redis configuration string, for example <c>redis1:6379,password=...,ssl=true</c>. Never logged.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The Redis key of the Data Protection key ring; by default <c>{ServiceId}/data-protection-keys</c>.</summary>
    public string? KeyRingKey { get; set; }
}
