using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Cognito.Grains.Hosting;

/// <summary>Checks the clustering and storage settings before the silo is built, with messages that say what to fix (never a connection string).</summary>
internal sealed class CognitoHostingOptionsValidator : IValidateOptions<CognitoHostingOptions>
{
    public ValidateOptionsResult Validate(string? name, CognitoHostingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string At = CognitoHostingOptions.SectionName;
        if (!Enum.IsDefined(options.Membership))
        {
            failures.Add($"{At}:Membership must be Localhost or Redis.");
        }

        if (!Enum.IsDefined(options.Storage))
        {
            failures.Add($"{At}:Storage must be Memory or Redis.");
        }

        if (options.SiloPort is < 1 or > 65535 || options.GatewayPort is < 1 or > 65535 || options.SiloPort == options.GatewayPort)
        {
            failures.Add($"{At}:SiloPort and {At}:GatewayPort must be two different ports from 1 to 65535.");
        }

        if (options.Membership == CognitoMembership.Redis && string.IsNullOrWhiteSpace(options.ClusterId))
        {
            failures.Add($"{At}:ClusterId is required with Redis membership (silos and clients of one cluster share it).");
        }

        if (options.UsesRedis && string.IsNullOrWhiteSpace(options.ServiceId))
        {
            failures.Add($"{At}:ServiceId is required with Redis (it prefixes every stored key and names the key ring: keep it stable).");
        }

        if (options.ClusterId is { } cluster && (cluster.Length == 0 || cluster.Any(char.IsWhiteSpace)) || options.ServiceId is { } service && (service.Length == 0 || service.Any(char.IsWhiteSpace)))
        {
            failures.Add($"{At}:ClusterId and {At}:ServiceId must not be empty or contain spaces.");
        }

        if (options.AdvertisedAddress is not null && options.Membership != CognitoMembership.Redis)
        {
            failures.Add($"{At}:AdvertisedAddress applies to Redis membership only (a Localhost silo is reached on loopback).");
        }

        if (options.ProbeTimeout < TimeSpan.FromMilliseconds(500) || options.ProbeTimeout > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{At}:ProbeTimeout must be from 00:00:00.5 to 00:01:00.");
        }

        if (options.MissedProbesLimit is < 1 or > 10)
        {
            failures.Add($"{At}:MissedProbesLimit must be a whole number from 1 to 10.");
        }

        if (options.UsesRedis)
        {
            ValidateRedis(options.Redis, failures);
        }
        else if (options.Redis.ConnectionString is not null || options.Redis.KeyRingKey is not null)
        {
            failures.Add($"{At}:Redis is set but neither {At}:Membership nor {At}:Storage is Redis.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateRedis(CognitoRedisOptions redis, List<string> failures)
    {
        const string At = CognitoHostingOptions.SectionName + ":Redis";
        if (string.IsNullOrWhiteSpace(redis.ConnectionString))
        {
            failures.Add($"{At}:ConnectionString is required when Membership or Storage is Redis (for example 'localhost:6379').");
        }
        else
        {
            try
            {
                if (ConfigurationOptions.Parse(redis.ConnectionString).EndPoints.Count == 0)
                {
                    failures.Add($"{At}:ConnectionString names no endpoint (host:port).");
                }
            }
            catch (ArgumentException)
            {
                // The message would repeat the string, which may hold a password.
                failures.Add($"{At}:ConnectionString is not a valid StackExchange.Redis configuration string.");
            }
        }

        if (redis.KeyRingKey is { } key && string.IsNullOrWhiteSpace(key))
        {
            failures.Add($"{At}:KeyRingKey must not be blank.");
        }
    }
}
