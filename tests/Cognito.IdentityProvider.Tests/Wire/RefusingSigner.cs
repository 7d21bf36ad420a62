using Cognito.IdentityProvider.Signing;

namespace Cognito.IdentityProvider.Tests.Wire;

/// <summary>Fails any attempt to sign: proves that the calls made through it need no AWS credentials.</summary>
internal sealed class RefusingSigner : IAwsRequestSigner
{
    public ValueTask SignAsync(HttpRequestMessage request, byte[] body, string region, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"An unsigned operation tried to sign: {request.Headers.GetValues("X-Amz-Target").Single()}.");
}
