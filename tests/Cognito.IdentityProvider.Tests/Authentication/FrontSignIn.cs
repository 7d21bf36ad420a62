using Cognito.IdentityProvider.Authentication;
using Cognito.Testing.CognitoLocal;

namespace Cognito.IdentityProvider.Tests.Authentication;

/// <summary>An authenticator for a test pool that talks to the fixture's front through its own <see cref="WireTap"/>.</summary>
internal sealed class FrontSignIn : IDisposable
{
    private readonly HttpClient _http;

    public FrontSignIn(CognitoLocalFixture fixture, TestPool pool, TimeProvider? clock = null, string? userPoolId = null)
    {
        Tap = new WireTap();
        _http = new HttpClient(Tap) { Timeout = Timeout.InfiniteTimeSpan };
        Client = new CognitoIdentityProviderClient(_http, fixture.Options(pool.UserPoolId));
        Authenticator = new CognitoAuthenticator(Client, new CognitoAppClient(userPoolId ?? pool.UserPoolId, pool.ClientId, pool.ClientSecret), clock);
    }

    public WireTap Tap { get; }

    public CognitoIdentityProviderClient Client { get; }

    public CognitoAuthenticator Authenticator { get; }

    public void Dispose() => _http.Dispose();
}
