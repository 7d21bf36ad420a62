namespace Cognito.Client.Model;

/// <summary>
/// A user as warrant's <c>UserObj</c> shows it: the username, the attributes under their display
/// names (after <c>attr_map</c>), and the metadata Cognito keeps (status, enabled, MFA, dates).
/// </summary>
[GenerateSerializer, Immutable, Alias("Cognito.CognitoUser")]
public sealed record CognitoUser(
    [property: Id(0)] string Username,
    [property: Id(1)] IReadOnlyDictionary<string, string> Attributes,
    [property: Id(2)] string? Sub = null,
    [property: Id(3)] string? UserStatus = null,
    [property: Id(4)] bool? Enabled = null,
    [property: Id(5)] string? PreferredMfa = null,
    [property: Id(6)] IReadOnlyList<string>? MfaMethods = null,
    [property: Id(7)] DateTimeOffset? CreatedAt = null,
    [property: Id(8)] DateTimeOffset? ModifiedAt = null)
{
    /// <summary>An attribute by its display name, or null.</summary>
    public string? this[string name] => Attributes.TryGetValue(name, out var value) ? value : null;

    /// <summary>
    /// warrant's <c>get_user_obj</c>: builds a user from an attribute list as AdminGetUser / GetUser /
    /// ListUsers return it, with optional metadata and <paramref name="attrMap"/>.
    /// </summary>
    public static CognitoUser FromAttributes(string username, IEnumerable<KeyValuePair<string, string>> attributeList, IReadOnlyDictionary<string, string>? attrMap = null, CognitoUserMetadata? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(attributeList);
        var list = attributeList.ToList();
        var sub = list.FirstOrDefault(a => a.Key == "sub").Value;
        return new CognitoUser(
            username,
            AttributeMapping.ToDisplay(list, attrMap),
            sub,
            metadata?.UserStatus,
            metadata?.Enabled,
            metadata?.PreferredMfa,
            metadata?.MfaMethods,
            metadata?.CreatedAt,
            metadata?.ModifiedAt);
    }
}
