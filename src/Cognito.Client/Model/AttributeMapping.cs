namespace Cognito.Client.Model;

/// <summary>
/// warrant's <c>attr_map</c>: a map from Cognito attribute names to the names your application shows
/// (for example <c>given_name → first_name</c>). Reading renames Cognito → display; writing renames back.
/// </summary>
public static class AttributeMapping
{
    /// <summary>What Cognito puts before a custom attribute's name.</summary>
    public const string CustomPrefix = "custom:";

    /// <summary>Cognito names → display names; attributes not in the map keep their Cognito name.</summary>
    public static IReadOnlyDictionary<string, string> ToDisplay(IEnumerable<KeyValuePair<string, string>> cognitoAttributes, IReadOnlyDictionary<string, string>? attrMap)
    {
        ArgumentNullException.ThrowIfNull(cognitoAttributes);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in cognitoAttributes)
        {
            result[attrMap is not null && attrMap.TryGetValue(name, out var display) ? display : name] = value;
        }

        return result;
    }

    /// <summary>Display names → Cognito names (the reverse of <paramref name="attrMap"/>); unmapped names pass as they are.</summary>
    public static IReadOnlyDictionary<string, string> ToCognito(IReadOnlyDictionary<string, string>? displayAttributes, IReadOnlyDictionary<string, string>? attrMap)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (displayAttributes is null)
        {
            return result;
        }

        var reverse = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (cognito, display) in attrMap ?? new Dictionary<string, string>())
        {
            reverse[display] = cognito;
        }

        foreach (var (name, value) in displayAttributes)
        {
            result[reverse.TryGetValue(name, out var cognitoName) ? cognitoName : name] = value;
        }

        return result;
    }
}
