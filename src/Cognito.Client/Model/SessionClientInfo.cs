using System.Net;
using Cognito.IdentityProvider.Errors;

namespace Cognito.Client.Model;

/// <summary>
/// What a front end tells a session about the client behind it, for the user's list of sessions
/// (<c>ListSessionsAsync</c>). Every field is optional and shown as given: it comes from the
/// client, so it describes, it never proves.
/// </summary>
/// <param name="DeviceName">A name for the device the user would recognise ("Alice's phone"), at most <see cref="MaxDeviceNameLength"/> characters.</param>
/// <param name="UserAgent">The browser's User-Agent, at most <see cref="MaxUserAgentLength"/> characters.</param>
/// <param name="IpAddress">The client's IP address (IPv4 or IPv6 text form).</param>
[GenerateSerializer, Immutable, Alias("Cognito.SessionClientInfo")]
public sealed record SessionClientInfo(
    [property: Id(0)] string? DeviceName,
    [property: Id(1)] string? UserAgent,
    [property: Id(2)] string? IpAddress)
{
    /// <summary>The longest device name accepted.</summary>
    public const int MaxDeviceNameLength = 100;

    /// <summary>The longest User-Agent accepted.</summary>
    public const int MaxUserAgentLength = 512;

    private const int MaxIpAddressLength = 45;

    /// <summary>Throws <see cref="InvalidParameterException"/> unless every field fits its bounds.</summary>
    public void Validate()
    {
        Check(DeviceName, MaxDeviceNameLength, nameof(DeviceName));
        Check(UserAgent, MaxUserAgentLength, nameof(UserAgent));
        Check(IpAddress, MaxIpAddressLength, nameof(IpAddress));
        // IPAddress.TryParse also takes shorthand such as "1" (0.0.0.1): only the usual dotted or colon forms are shown.
        if (IpAddress is { } ip && (!IPAddress.TryParse(ip, out _) || !ip.Any(c => c is '.' or ':')))
        {
            throw new InvalidParameterException("IpAddress must be an IPv4 or IPv6 address.");
        }
    }

    private static void Check(string? value, int maxLength, string name)
    {
        if (value is not null && (value.Length > maxLength || value.Any(char.IsControl)))
        {
            throw new InvalidParameterException($"{name} must be at most {maxLength} characters, without control characters.");
        }
    }
}
