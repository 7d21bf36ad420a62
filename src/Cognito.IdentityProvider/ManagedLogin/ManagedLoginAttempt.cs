using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Cognito.IdentityProvider.Errors;

namespace Cognito.IdentityProvider.ManagedLogin;

/// <summary>
/// One sign-in through managed login: the secrets a front end keeps (server-side or in a protected
/// cookie) between sending the browser to the authorize URL and receiving the code back. The
/// <c>state</c> ties the callback to this browser, the PKCE verifier ties the code to this
/// attempt, and the <c>nonce</c> ties the ID token to it. <see cref="ToString"/> prints none of them.
/// </summary>
/// <param name="State">The opaque <c>state</c> the callback must return unchanged.</param>
/// <param name="Nonce">The <c>nonce</c> the ID token must carry.</param>
/// <param name="CodeVerifier">The PKCE code verifier the token request must send.</param>
public sealed record ManagedLoginAttempt(string State, string Nonce, string CodeVerifier)
{
    /// <summary>A new attempt: 256 random bits each for state, nonce and verifier.</summary>
    public static ManagedLoginAttempt Create() =>
        new(Random(), Random(), Pkce.NewVerifier());

    /// <summary>The authorize URL of this attempt: code flow, PKCE S256, state and nonce.</summary>
    public Uri AuthorizeUrl(ManagedLoginDomain domain, AuthorizeRequest request)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.ClientId);
        if (!request.RedirectUri.IsAbsoluteUri)
        {
            throw new InvalidParameterException("The redirect URI must be absolute, exactly as the app client registers it.");
        }

        var query = new List<KeyValuePair<string, string>>
        {
            new("response_type", "code"),
            new("client_id", request.ClientId),
            new("redirect_uri", request.RedirectUri.AbsoluteUri),
            new("state", State),
            new("nonce", Nonce),
            new("code_challenge", Pkce.ChallengeOf(CodeVerifier)),
            new("code_challenge_method", Pkce.Method),
        };
        if (request.Scopes.Count > 0)
        {
            query.Add(new("scope", string.Join(' ', request.Scopes)));
        }

        if (request.IdentityProvider is { } provider)
        {
            query.Add(new("identity_provider", provider));
        }

        if (request.Language is { } language)
        {
            query.Add(new("lang", language));
        }

        return new Uri(domain.AuthorizeEndpoint + "?" + FormQuery.Encode(query));
    }

    /// <summary>
    /// Whether the callback's <paramref name="returnedState"/> is this attempt's, in constant time.
    /// A mismatch means the callback was not started by this browser: refuse it.
    /// </summary>
    public bool IsOwnState(string? returnedState) =>
        returnedState is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(returnedState), Encoding.UTF8.GetBytes(State));

    /// <summary>Never prints the state, nonce or verifier.</summary>
    public override string ToString() => "ManagedLoginAttempt { State = ***, Nonce = ***, CodeVerifier = *** }";

    private static string Random() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
