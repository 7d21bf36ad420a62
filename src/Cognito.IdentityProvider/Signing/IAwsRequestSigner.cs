namespace Cognito.IdentityProvider.Signing;

/// <summary>Adds AWS authentication to a request that is about to go out. Only signed operations reach it.</summary>
public interface IAwsRequestSigner
{
    /// <summary>Adds the signature headers to <paramref name="request"/>, whose body is <paramref name="body"/>, for <paramref name="region"/>.</summary>
    ValueTask SignAsync(HttpRequestMessage request, byte[] body, string region, CancellationToken cancellationToken);
}
