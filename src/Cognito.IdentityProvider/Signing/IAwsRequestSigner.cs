namespace Cognito.IdentityProvider.Signing;

/// <summary>Adds AWS authentication to a request that is about to go out. Only signed operations reach it.</summary>
public interface IAwsRequestSigner
{
    ValueTask SignAsync(HttpRequestMessage request, byte[] body, string region, CancellationToken cancellationToken);
}
