using System.Net.Http.Headers;
using System.Text;
using Amazon.Runtime;
using Cognito.IdentityProvider.Configuration;
using Cognito.IdentityProvider.Model;
using Cognito.IdentityProvider.Signing;
using Cognito.Testing.Scripted;
using Microsoft.Extensions.Time.Testing;

namespace Cognito.IdentityProvider.Tests.Signing;

/// <summary>
/// A Cognito admin call signed by <see cref="SigV4RequestSigner"/>, checked against a signature
/// computed here from the SigV4 specification (<see cref="SigV4Reference"/>).
/// </summary>
public sealed class CognitoRequestSigningTests
{
    private const string AccessKey = "AKIAIOSFODNN7EXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private const string SessionToken = "IQoJb3JpZ2luX2VjEXAMPLE//////////wEaCWV1LXdlc3QtMSJHMEUCIQ+token/with+base64==";
    private const string Region = "eu-west-1";
    private const string Target = "AWSCognitoIdentityProviderService.AdminGetUser";

    // A day below 10 and an hour below 10: the date must be zero-padded, in UTC, whatever the locale.
    private static readonly DateTimeOffset Now = new(2026, 3, 5, 7, 8, 9, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"UserPoolId":"eu-west-1_AbC123","Username":"alice"}""");

    [Fact]
    public async Task An_admin_call_is_signed_for_cognito_idp_in_the_pool_region()
    {
        using var request = CognitoShapedRequest();
        await new SigV4RequestSigner(new BasicAWSCredentials(AccessKey, SecretKey), new FakeTimeProvider(Now))
            .SignAsync(request, Body, Region, CancellationToken.None);

        var (algorithm, credential, signedHeaders, signature) = SigV4TestSuiteTests.AuthorizationParts(SigV4TestSuiteTests.Header(request, "Authorization")!);
        Assert.Equal("AWS4-HMAC-SHA256", algorithm);
        Assert.Equal($"{AccessKey}/20260305/eu-west-1/cognito-idp/aws4_request", credential);
        Assert.EndsWith("/eu-west-1/cognito-idp/aws4_request", credential);
        Assert.Equal(["content-type", "host", "x-amz-content-sha256", "x-amz-date", "x-amz-target"], signedHeaders);
        Assert.Equal("20260305T070809Z", SigV4TestSuiteTests.Header(request, "X-Amz-Date"));
        Assert.Null(SigV4TestSuiteTests.Header(request, "X-Amz-Security-Token"));

        // Cognito hashes the body itself; UNSIGNED-PAYLOAD (S3 only) would be refused.
        Assert.Equal(SigV4Reference.HexSha256(Body), SigV4TestSuiteTests.Header(request, "X-Amz-Content-SHA256"));

        Assert.Equal(IndependentSignature(request, signedHeaders, SecretKey), signature);
    }

    [Fact]
    public async Task A_session_credential_adds_the_security_token_and_signs_it()
    {
        using var request = CognitoShapedRequest();
        await new SigV4RequestSigner(new SessionAWSCredentials(AccessKey, SecretKey, SessionToken), new FakeTimeProvider(Now))
            .SignAsync(request, Body, Region, CancellationToken.None);

        Assert.Equal(SessionToken, SigV4TestSuiteTests.Header(request, "X-Amz-Security-Token"));
        var (_, credential, signedHeaders, signature) = SigV4TestSuiteTests.AuthorizationParts(SigV4TestSuiteTests.Header(request, "Authorization")!);
        Assert.Equal($"{AccessKey}/20260305/eu-west-1/cognito-idp/aws4_request", credential);
        Assert.Contains("x-amz-security-token", signedHeaders);
        Assert.Equal(IndependentSignature(request, signedHeaders, SecretKey), signature);
    }

    [Fact]
    public async Task Signing_twice_replaces_the_headers_instead_of_doubling_them()
    {
        using var request = CognitoShapedRequest();
        var time = new FakeTimeProvider(Now);
        var signer = new SigV4RequestSigner(new SessionAWSCredentials(AccessKey, SecretKey, SessionToken), time);
        await signer.SignAsync(request, Body, Region, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(3));
        await signer.SignAsync(request, Body, Region, CancellationToken.None);

        Assert.Single(request.Headers.GetValues("Authorization"));
        Assert.Single(request.Headers.GetValues("X-Amz-Security-Token"));
        Assert.Equal("20260305T070812Z", SigV4TestSuiteTests.Header(request, "X-Amz-Date"));
        var (_, _, signedHeaders, signature) = SigV4TestSuiteTests.AuthorizationParts(SigV4TestSuiteTests.Header(request, "Authorization")!);
        Assert.Equal(IndependentSignature(request, signedHeaders, SecretKey), signature);
    }

    /// <summary>
    /// What the client really puts on the wire verifies: the server side recomputes the signature
    /// from the headers and body it received, as Cognito does.
    /// </summary>
    [Fact]
    public async Task The_request_on_the_wire_carries_exactly_what_was_signed()
    {
        await using var server = await ScriptedCognitoServer.StartAsync();
        server.Handler = (_, context) => ScriptedCognitoServer.RespondAsync(context, 200, """{"Username":"alice"}""");
        using var http = new HttpClient();
        var client = new CognitoIdentityProviderClient(
            http,
            new CognitoIdentityProviderOptions { ServiceUrl = server.Url, Region = Region, Credentials = new SessionAWSCredentials(AccessKey, SecretKey, SessionToken) },
            timeProvider: new FakeTimeProvider(Now));

        var user = await client.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = "eu-west-1_AbC123", Username = "alice" });

        Assert.Equal("alice", user.Username);
        var received = Assert.Single(server.Requests);
        var (_, credential, signedHeaders, signature) = SigV4TestSuiteTests.AuthorizationParts(received.Authorization!);
        Assert.Equal($"{AccessKey}/20260305/eu-west-1/cognito-idp/aws4_request", credential);
        Assert.Equal(["content-type", "host", "x-amz-content-sha256", "x-amz-date", "x-amz-security-token", "x-amz-target"], signedHeaders);

        var body = Encoding.UTF8.GetBytes(received.Body);
        Assert.Equal(SigV4Reference.HexSha256(body), received.Headers["X-Amz-Content-SHA256"]);
        var canonical = SigV4Reference.CanonicalRequest(
            received.Method, received.Path, "", signedHeaders.Select(h => new KeyValuePair<string, string>(h, received.Headers[h])), SigV4Reference.HexSha256(body));
        Assert.Equal(SigV4Reference.Signature(SecretKey, received.Headers["X-Amz-Date"], Region, SigV4RequestSigner.ServiceName, canonical), signature);
    }

    /// <summary>The request exactly as <see cref="CognitoIdentityProviderClient"/> builds it.</summary>
    private static HttpRequestMessage CognitoShapedRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("https://cognito-idp.eu-west-1.amazonaws.com/"));
        request.Headers.TryAddWithoutValidation("X-Amz-Target", Target);
        request.Content = new ByteArrayContent(Body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        return request;
    }

    /// <summary>The signature from the spec, over the header values the request will be sent with.</summary>
    private static string IndependentSignature(HttpRequestMessage request, string[] signedHeaders, string secretKey)
    {
        var headers = signedHeaders.Select(name => new KeyValuePair<string, string>(name, name switch
        {
            "host" => request.RequestUri!.Authority,
            "content-type" => request.Content!.Headers.ContentType!.ToString(),
            _ => SigV4TestSuiteTests.Header(request, name) ?? throw new InvalidOperationException($"{name} is signed but not on the request."),
        }));
        var canonical = SigV4Reference.CanonicalRequest("POST", "/", "", headers, SigV4Reference.HexSha256(Body));
        Assert.Equal($"POST\n/\n\ncontent-type:application/x-amz-json-1.1\nhost:cognito-idp.eu-west-1.amazonaws.com\n", canonical[..(canonical.IndexOf("\nx-amz-content-sha256", StringComparison.Ordinal) + 1)]);
        return SigV4Reference.Signature(secretKey, SigV4TestSuiteTests.Header(request, "X-Amz-Date")!, Region, "cognito-idp", canonical);
    }
}
