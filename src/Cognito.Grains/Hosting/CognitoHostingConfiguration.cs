using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Cognito.Grains.Hosting;

/// <summary>
/// Reads <see cref="CognitoHostingOptions"/> from a configuration section. Clustering has to be
/// known while the silo is being built, so the settings are read and checked then, all at once:
/// an <see cref="OptionsValidationException"/> lists every setting to fix.
/// </summary>
public static class CognitoHostingConfiguration
{
    /// <summary>Binds and checks <paramref name="section"/>; throws <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> listing every setting to fix.</summary>
    public static CognitoHostingOptions Read(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        const string At = CognitoHostingOptions.SectionName;
        var failures = new List<string>();
        var options = new CognitoHostingOptions
        {
            ClusterId = section["ClusterId"],
            ServiceId = section["ServiceId"],
        };
        options.Redis.ConnectionString = section["Redis:ConnectionString"];
        options.Redis.KeyRingKey = section["Redis:KeyRingKey"];

        if (section["Membership"] is { } clustering)
        {
            if (TryParseName<CognitoMembership>(clustering, out var value))
            {
                options.Membership = value;
            }
            else
            {
                failures.Add($"{At}:Membership must be Localhost or Redis (was '{clustering}').");
            }
        }

        if (section["Storage"] is { } storage)
        {
            if (TryParseName<CognitoSessionStorage>(storage, out var value))
            {
                options.Storage = value;
            }
            else
            {
                failures.Add($"{At}:Storage must be Memory or Redis (was '{storage}').");
            }
        }

        options.SiloPort = ReadPort(section, "SiloPort", options.SiloPort, failures);
        options.GatewayPort = ReadPort(section, "GatewayPort", options.GatewayPort, failures);
        if (section["ProbeTimeout"] is { } probe)
        {
            if (TimeSpan.TryParse(probe, CultureInfo.InvariantCulture, out var timeout))
            {
                options.ProbeTimeout = timeout;
            }
            else
            {
                failures.Add($"{At}:ProbeTimeout must be a time span such as 00:00:02 (was '{probe}').");
            }
        }

        if (section["MissedProbesLimit"] is { } missed)
        {
            if (int.TryParse(missed, NumberStyles.None, CultureInfo.InvariantCulture, out var limit))
            {
                options.MissedProbesLimit = limit;
            }
            else
            {
                failures.Add($"{At}:MissedProbesLimit must be a whole number from 1 to 10 (was '{missed}').");
            }
        }

        if (section["AdvertisedAddress"] is { Length: > 0 } address)
        {
            if (IPAddress.TryParse(address, out var ip))
            {
                options.AdvertisedAddress = ip;
            }
            else
            {
                failures.Add($"{At}:AdvertisedAddress must be an IP address such as 10.0.0.5 (was '{address}').");
            }
        }

        if (failures.Count == 0)
        {
            Validate(options);
            return options;
        }

        var result = new CognitoHostingOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            failures.AddRange(result.Failures.Where(f => !failures.Contains(f)));
        }

        throw new OptionsValidationException(At, typeof(CognitoHostingOptions), failures);
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> listing what is wrong with <paramref name="options"/>.</summary>
    public static void Validate(CognitoHostingOptions options)
    {
        var result = new CognitoHostingOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(CognitoHostingOptions.SectionName, typeof(CognitoHostingOptions), result.Failures);
        }
    }

    private static bool TryParseName<T>(string text, out T value)
        where T : struct, Enum =>
        Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value) && !text.Trim().All(char.IsAsciiDigit);

    private static int ReadPort(IConfiguration section, string key, int fallback, List<string> failures)
    {
        if (section[key] is not { } text)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            return port;
        }

        failures.Add($"{CognitoHostingOptions.SectionName}:{key} must be a port number from 1 to 65535 (was '{text}').");
        return fallback;
    }
}
