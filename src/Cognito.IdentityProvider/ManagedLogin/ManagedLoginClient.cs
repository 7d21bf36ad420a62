using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Cognito.IdentityProvider.Authentication;
using Cognito.IdentityProvider.Errors;

namespace Cognito.IdentityProvider.ManagedLogin;

/// <summary>
/// The token and revocation endpoints of managed login (OAuth 2.0): exchanging an authorization
/// code with its PKCE verifier, refreshing, and revoking a refresh token. A confidential app
/// client authenticates with HTTP Basic (<c>client_secret_basic</c>), as Cognito documents.
/// </summary>
public sealed class ManagedLoginClient
{
    private readonly HttpClient _http;
    private readonly ManagedLoginDomain _domain;
    private readonly string _clientId;
    private readonly string? _clientSecret;
    private readonly TimeProvider _time;

    /// <summary>A client of <paramref name="domain"/> for the app client <paramref name="clientId"/>.</summary>
    public ManagedLoginClient(HttpClient http, ManagedLoginDomain domain, string clientId, string? clientSecret = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        _http = http;
        _domain = domain;
        _clientId = clientId;
        _clientSecret = string.IsNullOrEmpty(clientSecret) ? null : clientSecret;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// Exchanges the callback's <paramref name="code"/> for tokens (<c>authorization_code</c> grant
    /// with the attempt's PKCE verifier). A code works once: a second exchange is <c>invalid_grant</c>.
    /// </summary>
    public Task<CognitoTokens> ExchangeCodeAsync(string code, Uri redirectUri, string codeVerifier, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentNullException.ThrowIfNull(redirectUri);
        Pkce.Validate(codeVerifier);
        return TokenRequestAsync(
            [new("grant_type", "authorization_code"), new("client_id", _clientId), new("code", code),
             new("redirect_uri", redirectUri.AbsoluteUri), new("code_verifier", codeVerifier)],
            keptRefreshToken: null,
            cancellationToken);
    }

    /// <summary>
    /// New access and ID tokens for <paramref name="refreshToken"/> (<c>refresh_token</c> grant).
    /// Without rotation the answer has no refresh token and the one given is kept; with rotation the new one replaces it.
    /// </summary>
    public Task<CognitoTokens> RefreshAsync(string refreshToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(refreshToken);
        return TokenRequestAsync(
            [new("grant_type", "refresh_token"), new("client_id", _clientId), new("refresh_token", refreshToken)],
            keptRefreshToken: refreshToken,
            cancellationToken);
    }

    /// <summary>Revokes <paramref name="refreshToken"/> and every token issued from it (<c>/oauth2/revoke</c>).</summary>
    public async Task RevokeAsync(string refreshToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(refreshToken);
        using var response = await PostAsync(_domain.RevokeEndpoint, [new("token", refreshToken), new("client_id", _clientId)], cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorOfAsync(response, cancellationToken);
        }
    }

    private async Task<CognitoTokens> TokenRequestAsync(KeyValuePair<string, string>[] form, string? keptRefreshToken, CancellationToken cancellationToken)
    {
        using var response = await PostAsync(_domain.TokenEndpoint, form, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorOfAsync(response, cancellationToken);
        }

        OAuthTokenResponse? answer;
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            answer = JsonSerializer.Deserialize(body, ManagedLoginJsonContext.Default.OAuthTokenResponse);
        }
        catch (JsonException)
        {
            // The parser's message may quote the body, which holds tokens: say only what went wrong.
            throw new CognitoProtocolException("The token endpoint answered with JSON that is not a token response.");
        }

        if (answer?.AccessToken is not { Length: > 0 } access || answer.ExpiresIn is not > 0)
        {
            throw new CognitoProtocolException("The token endpoint's answer has no access_token or expires_in.");
        }

        return new CognitoTokens(
            access,
            answer.IdToken,
            answer.RefreshToken ?? keptRefreshToken,
            _time.GetUtcNow().AddSeconds(answer.ExpiresIn.Value),
            answer.TokenType ?? "Bearer");
    }

    private async Task<HttpResponseMessage> PostAsync(Uri endpoint, KeyValuePair<string, string>[] form, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new FormUrlEncodedContent(form),
        };
        if (_clientSecret is not null)
        {
            // RFC 6749 §2.3.1: both parts are form-encoded before they are joined.
            var pair = Uri.EscapeDataString(_clientId) + ":" + Uri.EscapeDataString(_clientSecret);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        }

        try
        {
            return await _http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new CognitoTransportException($"Managed login's {endpoint.AbsolutePath} could not be reached.", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CognitoTimeoutException($"Managed login's {endpoint.AbsolutePath} did not answer in time.", e);
        }
    }

    private static async Task<ManagedLoginException> ErrorOfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string? error = null;
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            error = JsonSerializer.Deserialize(body, ManagedLoginJsonContext.Default.OAuthErrorResponse)?.Error;
        }
        catch (JsonException)
        {
            // Not an OAuth error body (a proxy's HTML page, say): the status says enough.
        }

        var code = error is { Length: > 0 and <= 64 } && error.All(c => char.IsAsciiLetterLower(c) || c == '_')
            ? error
            : $"http_{(int)response.StatusCode}";
        return new ManagedLoginException(code, $"Managed login refused the request ({code}, HTTP {(int)response.StatusCode}).")
        {
            StatusCode = response.StatusCode,
        };
    }
}
