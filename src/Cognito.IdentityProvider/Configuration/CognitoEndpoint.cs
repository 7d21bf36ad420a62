using Cognito.IdentityProvider.Errors;

namespace Cognito.IdentityProvider.Configuration;

/// <summary>Resolves the service URL and signing region from the options.</summary>
public sealed record CognitoEndpoint(Uri ServiceUrl, string? Region)
{
    /// <summary>The endpoint the options name, or Cognito's regional endpoint for the region (given, or taken from the pool id).</summary>
    public static CognitoEndpoint Resolve(CognitoIdentityProviderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var region = string.IsNullOrWhiteSpace(options.Region) ? null : options.Region.Trim();
        if (region is null && options.UserPoolId is not null)
        {
            region = UserPoolId.Parse(options.UserPoolId).Region;
        }

        if (options.ServiceUrl is { } url)
        {
            if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                throw new CognitoConfigurationException("ServiceUrl must be an absolute http(s) URL.");
            }

            return new CognitoEndpoint(url, region);
        }

        if (region is null)
        {
            throw new CognitoConfigurationException("Set Region, UserPoolId or ServiceUrl: without one of them there is no Cognito endpoint to call.");
        }

        return new CognitoEndpoint(new Uri($"https://cognito-idp.{region}.amazonaws.com/"), region);
    }
}
