namespace Cognito.IdentityProvider.ManagedLogin;

/// <summary>application/x-www-form-urlencoded text of name/value pairs (query strings and token-request bodies).</summary>
internal static class FormQuery
{
    public static string Encode(IEnumerable<KeyValuePair<string, string>> pairs) =>
        string.Join('&', pairs.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
}
