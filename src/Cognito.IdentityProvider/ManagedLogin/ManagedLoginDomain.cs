using Cognito.IdentityProvider.Errors;

namespace Cognito.IdentityProvider.ManagedLogin;

/// <summary>
/// The pool's managed-login (hosted UI) domain: a prefix domain
/// (<c>https://{prefix}.auth.{region}.amazoncognito.com</c>) or a custom domain. Every OAuth 2.0
/// endpoint of managed login hangs off it.
/// </summary>
public sealed record ManagedLoginDomain
{
    private ManagedLoginDomain(Uri baseUrl) => BaseUrl = baseUrl;

    /// <summary>The domain's root, always ending in <c>/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The authorization endpoint, <c>/oauth2/authorize</c>.</summary>
    public Uri AuthorizeEndpoint => new(BaseUrl, "oauth2/authorize");

    /// <summary>The token endpoint, <c>/oauth2/token</c> (code exchange and refresh).</summary>
    public Uri TokenEndpoint => new(BaseUrl, "oauth2/token");

    /// <summary>The revocation endpoint, <c>/oauth2/revoke</c>.</summary>
    public Uri RevokeEndpoint => new(BaseUrl, "oauth2/revoke");

    /// <summary>The sign-out endpoint, <c>/logout</c>.</summary>
    public Uri LogoutEndpoint => new(BaseUrl, "logout");

    /// <summary>
    /// The <c>/logout</c> URL: managed login ends its own browser session and sends the browser to
    /// <paramref name="logoutUri"/>, which must be one of the app client's sign-out URLs.
    /// </summary>
    public Uri LogoutUrl(string clientId, Uri logoutUri)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentNullException.ThrowIfNull(logoutUri);
        return new Uri(LogoutEndpoint + "?" + FormQuery.Encode([new("client_id", clientId), new("logout_uri", logoutUri.AbsoluteUri)]));
    }

    /// <summary>A prefix domain: <c>https://{prefix}.auth.{region}.amazoncognito.com</c>.</summary>
    public static ManagedLoginDomain FromPrefix(string prefix, string region)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(region);
        // Cognito's rule for prefixes: lowercase letters, digits and hyphens, not at either end.
        if (prefix.Length is 0 or > 63 || prefix[0] == '-' || prefix[^1] == '-'
            || !prefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new CognitoConfigurationException("A managed-login domain prefix is 1-63 lowercase letters, digits and inner hyphens.");
        }

        if (region.Length is 0 or > 32 || !region.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new CognitoConfigurationException("The managed-login region must look like us-east-1.");
        }

        return new ManagedLoginDomain(new Uri($"https://{prefix}.auth.{region}.amazoncognito.com/"));
    }

    /// <summary>
    /// A custom domain (<c>https://auth.example.com</c>), or any absolute URL for a local emulator.
    /// Plain http is accepted only for loopback addresses, where tests run.
    /// </summary>
    public static ManagedLoginDomain FromUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
        {
            throw new CognitoConfigurationException("A managed-login domain is an absolute URL without query or fragment.");
        }

        if (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))
        {
            throw new CognitoConfigurationException("A managed-login domain must use https (http only on loopback).");
        }

        var text = url.GetLeftPart(UriPartial.Path);
        return new ManagedLoginDomain(new Uri(text.EndsWith('/') ? text : text + "/"));
    }

    /// <summary>The domain from configuration: a custom URL when <paramref name="url"/> is set, else the prefix domain.</summary>
    public static ManagedLoginDomain Resolve(Uri? url, string? prefix, string? region) =>
        url is not null ? FromUrl(url)
        : prefix is not null && region is not null ? FromPrefix(prefix, region)
        : throw new CognitoConfigurationException("Set the managed-login domain: a custom domain URL, or a prefix and a region.");
}
