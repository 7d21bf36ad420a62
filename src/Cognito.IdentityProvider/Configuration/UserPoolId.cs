using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Cognito.IdentityProvider.Errors;

namespace Cognito.IdentityProvider.Configuration;

/// <summary>A user pool id such as <c>eu-west-1_AbC123</c>: the region before the underscore, the pool name after it.</summary>
public readonly partial record struct UserPoolId
{
    private UserPoolId(string value, string region, string poolName)
    {
        Value = value;
        Region = region;
        PoolName = poolName;
    }

    /// <summary>The whole id, as given.</summary>
    public string Value { get; }

    /// <summary>The region part (<c>eu-west-1</c>).</summary>
    public string Region { get; }

    /// <summary>The part after the underscore; SRP hashes it into the password verifier.</summary>
    public string PoolName { get; }

    /// <summary>Parses <paramref name="value"/> or throws <see cref="Errors.CognitoConfigurationException"/>.</summary>
    public static UserPoolId Parse(string value) =>
        TryParse(value, out var id)
            ? id
            : throw new CognitoConfigurationException("A user pool id looks like 'region_Name' (for example 'eu-west-1_AbC123'); the one given does not.");

    /// <summary>Parses <paramref name="value"/>; false when it is not shaped like a pool id.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out UserPoolId id)
    {
        id = default;
        if (value is null || value.Length > 55)
        {
            return false;
        }

        var match = Shape().Match(value);
        if (!match.Success)
        {
            return false;
        }

        id = new UserPoolId(value, match.Groups["region"].Value, match.Groups["name"].Value);
        return true;
    }

    /// <summary>The whole id.</summary>
    public override string ToString() => Value;

    [GeneratedRegex(@"^(?<region>[\w-]+)_(?<name>[0-9a-zA-Z]+)\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
