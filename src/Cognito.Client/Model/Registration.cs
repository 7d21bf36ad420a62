namespace Cognito.Client.Model;

/// <summary>
/// What warrant's <c>add_base_attributes</c> / <c>add_custom_attributes</c> + <c>register</c> send:
/// standard attributes as named, custom ones under the <c>custom:</c> prefix (added when missing).
/// </summary>
[GenerateSerializer, Immutable, Alias("Cognito.Registration")]
public sealed record Registration(
    [property: Id(0)] string Password,
    [property: Id(1)] IReadOnlyDictionary<string, string>? BaseAttributes = null,
    [property: Id(2)] IReadOnlyDictionary<string, string>? CustomAttributes = null,
    [property: Id(3)] IReadOnlyDictionary<string, string>? AttributeMap = null)
{
    /// <summary>All attributes with their Cognito names: <see cref="AttributeMap"/> (display → Cognito) applied, custom ones prefixed.</summary>
    public IReadOnlyDictionary<string, string> CognitoAttributes()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in AttributeMapping.ToCognito(BaseAttributes, AttributeMap))
        {
            result[name] = value;
        }

        foreach (var (name, value) in CustomAttributes ?? new Dictionary<string, string>())
        {
            result[name.StartsWith(AttributeMapping.CustomPrefix, StringComparison.Ordinal) ? name : AttributeMapping.CustomPrefix + name] = value;
        }

        return result;
    }

    /// <summary>Never prints the password.</summary>
    public override string ToString() => $"Registration {{ Password = ***, BaseAttributes = {BaseAttributes?.Count ?? 0}, CustomAttributes = {CustomAttributes?.Count ?? 0} }}";
}
