using System.Net;
using System.Text;
using System.Web;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.ManagedLogin;
using Cognito.Testing.Scripted;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Cognito.IdentityProvider.Tests.ManagedLogin;

/// <summary>
/// The token and revocation requests as managed login documents them, against a loopback server
/// that checks what we send and answers in Cognito's shapes; it stands in only for the network peer.
/// </summary>
public sealed class ManagedLoginClientTests : IAsyncLifetime
{
    private const string ClientId = "3n4b5urk1ft4fl3mg5e62d9ado";
    private const string Secret = "s3cr3t+/=value";
    private static readonly Uri Callback = new("https://app.example.com/signin-cognito");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private ScriptedCognitoServer _server = null!;

    public async Task InitializeAsync() => _server = await ScriptedCognitoServer.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private ManagedLoginClient Client(string? secret = null) =>
        new(_http, ManagedLoginDomain.FromUrl(_server.Url), ClientId, secret, _time);

    private void Answer(int status, string json) => _server.Handler = async (_, context) =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json);
    };

    private static System.Collections.Specialized.NameValueCollection Form(RecordedRequest request) => HttpUtility.ParseQueryString(request.Body);

    [Fact]
    public async Task A_code_is_exchanged_with_its_verifier_and_the_tokens_come_back()
    {
        Answer(200, """{"access_token":"at","id_token":"it","refresh_token":"rt","token_type":"Bearer","expires_in":3600}""");
        var verifier = Pkce.NewVerifier();

        var tokens = await Client().ExchangeCodeAsync("the-code", Callback, verifier);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/oauth2/token", request.Path);
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType, StringComparison.Ordinal);
        var form = Form(request);
        Assert.Equal("authorization_code", form["grant_type"]);
        Assert.Equal(ClientId, form["client_id"]);
        Assert.Equal("the-code", form["code"]);
        Assert.Equal(Callback.AbsoluteUri, form["redirect_uri"]);
        Assert.Equal(verifier, form["code_verifier"]);
        Assert.Null(request.Authorization);
        Assert.Equal(("at", "it", "rt", "Bearer"), (tokens.AccessToken, tokens.IdToken, tokens.RefreshToken, tokens.TokenType));
        Assert.Equal(_time.GetUtcNow().AddHours(1), tokens.ExpiresAt);
    }

    [Fact]
    public async Task A_confidential_client_authenticates_with_http_basic()
    {
        Answer(200, """{"access_token":"at","id_token":"it","token_type":"Bearer","expires_in":60}""");

        await Client(Secret).ExchangeCodeAsync("the-code", Callback, Pkce.NewVerifier());

        var header = Assert.Single(_server.Requests).Authorization!;
        Assert.StartsWith("Basic ", header, StringComparison.Ordinal);
        var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..]));
        Assert.Equal(ClientId + ":" + Uri.EscapeDataString(Secret), pair);
        Assert.DoesNotContain(Secret, Assert.Single(_server.Requests).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refresh_keeps_the_refresh_token_unless_a_rotated_one_comes_back()
    {
        Answer(200, """{"access_token":"at2","id_token":"it2","token_type":"Bearer","expires_in":3600}""");
        var kept = await Client().RefreshAsync("rt-1");
        Assert.Equal("rt-1", kept.RefreshToken);
        var form = Form(_server.Requests[^1]);
        Assert.Equal("refresh_token", form["grant_type"]);
        Assert.Equal("rt-1", form["refresh_token"]);

        Answer(200, """{"access_token":"at3","id_token":"it3","refresh_token":"rt-2","token_type":"Bearer","expires_in":3600}""");
        Assert.Equal("rt-2", (await Client().RefreshAsync("rt-1")).RefreshToken);
    }

    [Fact]
    public async Task Revoke_posts_the_token_to_the_revocation_endpoint()
    {
        Answer(200, "");
        await Client(Secret).RevokeAsync("rt-1");
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/oauth2/revoke", request.Path);
        Assert.Equal("rt-1", Form(request)["token"]);
        Assert.Equal(ClientId, Form(request)["client_id"]);
        Assert.NotNull(request.Authorization);
    }

    [Theory]
    [InlineData(400, """{"error":"invalid_grant"}""", "invalid_grant")]
    [InlineData(400, """{"error":"invalid_request","error_description":"code_verifier mismatch"}""", "invalid_request")]
    [InlineData(401, """{"error":"invalid_client"}""", "invalid_client")]
    [InlineData(502, "<html>bad gateway</html>", "http_502")]
    [InlineData(400, """{"error":"<script>"}""", "http_400")]
    public async Task A_refusal_keeps_the_oauth_error_name(int status, string body, string code)
    {
        Answer(status, body);
        var error = await Assert.ThrowsAsync<ManagedLoginException>(() => Client().ExchangeCodeAsync("the-code", Callback, Pkce.NewVerifier()));
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.DoesNotContain("the-code", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"access_token":"secret-at","expires_in":"soon"}""")]
    [InlineData("""{"id_token":"secret-at","expires_in":3600}""")]
    [InlineData("not json secret-at")]
    public async Task A_malformed_answer_is_a_protocol_error_that_quotes_nothing(string body)
    {
        Answer(200, body);
        var error = await Assert.ThrowsAsync<CognitoProtocolException>(() => Client().RefreshAsync("rt-1"));
        Assert.DoesNotContain("secret-at", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("rt-1", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_domain_is_a_transport_error()
    {
        var port = _server.Url.Port;
        await _server.DisposeAsync();
        _server = await ScriptedCognitoServer.StartAsync();
        var client = new ManagedLoginClient(_http, ManagedLoginDomain.FromUrl(new Uri($"http://127.0.0.1:{port}/")), ClientId);
        await Assert.ThrowsAsync<CognitoTransportException>(() => client.RefreshAsync("rt-1"));
    }

    [Fact]
    public async Task A_bad_verifier_is_refused_before_anything_is_sent()
    {
        await Assert.ThrowsAsync<InvalidParameterException>(() => Client().ExchangeCodeAsync("the-code", Callback, "too-short"));
        Assert.Empty(_server.Requests);
    }
}
