using System.Text;
using Amazon.Runtime;
using Cognito.IdentityProvider.Signing;
using Cognito.Testing.Tools;
using Microsoft.Extensions.Time.Testing;

namespace Cognito.IdentityProvider.Tests.Signing;

/// <summary>
/// <see cref="SigV4RequestSigner"/> against the AWS SigV4 test suite (every <c>post-*</c> case and
/// <c>get-vanilla-with-session-token</c>).
/// </summary>
/// <remarks>
/// AWSSDK.Core signs every request with an <c>x-amz-content-sha256</c> header holding the payload
/// hash (the header S3 requires; the SDK sends it to all services, which accept it). The suite's
/// requests have no such header, so the suite's <c>.authz</c> cannot come out byte for byte. Each
/// case therefore asserts the documented difference exactly: the suite's canonical request with
/// that one header added (its value is the suite's own payload hash), signed by a from-the-spec
/// HMAC chain that is first shown to reproduce the suite's <c>.authz</c> unchanged.
/// </remarks>
public sealed class SigV4TestSuiteTests
{
    private const string SessionTokenHeader = "X-Amz-Security-Token";

    private static readonly string[] CaseNames =
    [
        "get-vanilla-with-session-token",
        "post-header-key-case",
        "post-header-key-sort",
        "post-header-value-case",
        "post-sts-token/post-sts-header-after",
        "post-sts-token/post-sts-header-before",
        "post-vanilla",
        "post-vanilla-empty-query-value",
        "post-vanilla-query",
        "post-x-www-form-urlencoded",
        "post-x-www-form-urlencoded-parameters",
    ];

    public static TheoryData<string> Cases() => new(CaseNames);

    [Fact]
    public void Every_post_case_of_the_suite_is_covered()
    {
        var root = SharedData.PathOf("aws4_testsuite");
        var inSuite = Directory.EnumerateFiles(root, "*.req", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, Path.GetDirectoryName(f)!).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(c => c.StartsWith("post-", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        Assert.Equal(inSuite, CaseNames.Where(c => c.StartsWith("post-", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_reference_HMAC_chain_reproduces_the_suite(string name)
    {
        var suite = Aws4TestCase.Load(name);
        var scope = SigV4Reference.Scope(Aws4TestCase.AmzDate[..8], Aws4TestCase.Region, Aws4TestCase.Service);

        Assert.Equal(suite.StringToSign, SigV4Reference.StringToSign(Aws4TestCase.AmzDate, scope, suite.CanonicalRequest));
        var signature = SigV4Reference.Signature(Aws4TestCase.SecretKey, Aws4TestCase.AmzDate, Aws4TestCase.Region, Aws4TestCase.Service, suite.CanonicalRequest);
        var signedHeaders = suite.CanonicalRequest.Split('\n')[^2];
        Assert.Equal(
            $"AWS4-HMAC-SHA256 Credential={Aws4TestCase.AccessKey}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}",
            suite.Authorization);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_signer_matches_the_suite_plus_the_content_sha256_header(string name)
    {
        var suite = Aws4TestCase.Load(name);
        var credentials = suite.SessionToken is { } token
            ? (AWSCredentials)new SessionAWSCredentials(Aws4TestCase.AccessKey, Aws4TestCase.SecretKey, token)
            : new BasicAWSCredentials(Aws4TestCase.AccessKey, Aws4TestCase.SecretKey);

        using var request = ToHttpRequest(suite);
        await Sign(request, credentials, suite.Body);

        Assert.Equal(Aws4TestCase.AmzDate, Header(request, "X-Amz-Date"));
        Assert.Equal(suite.PayloadHash, Header(request, "X-Amz-Content-SHA256"));
        Assert.Equal(suite.SessionToken, Header(request, SessionTokenHeader));

        var expectedSignature = SigV4Reference.Signature(
            Aws4TestCase.SecretKey, Aws4TestCase.AmzDate, Aws4TestCase.Region, Aws4TestCase.Service, suite.CanonicalRequestWithContentSha256());
        var expected = $"AWS4-HMAC-SHA256 Credential={Aws4TestCase.AccessKey}/20150830/us-east-1/service/aws4_request, SignedHeaders={suite.SignedHeadersWithContentSha256()}, Signature={expectedSignature}";
        Assert.Equal(expected, Header(request, "Authorization"));

        // The documented difference is that one header and nothing else: same credential scope, and
        // the suite's signed headers are exactly ours less x-amz-content-sha256.
        var suiteParts = AuthorizationParts(suite.Authorization);
        var ourParts = AuthorizationParts(Header(request, "Authorization")!);
        Assert.Equal(suiteParts.Credential, ourParts.Credential);
        Assert.Equal(suiteParts.SignedHeaders, ourParts.SignedHeaders.Where(h => h != "x-amz-content-sha256"));
    }

    /// <summary>
    /// The suite shows two ways to carry a session token: signed (<c>post-sts-header-before</c>) or
    /// appended after signing (<c>post-sts-header-after</c>). AWSSDK.Core always signs it, which
    /// every service accepts; so a session credential turns the "after" request into the "before" one.
    /// </summary>
    [Fact]
    public async Task A_session_token_is_always_signed_never_appended_after()
    {
        var before = Aws4TestCase.Load("post-sts-token/post-sts-header-before");
        var after = Aws4TestCase.Load("post-sts-token/post-sts-header-after");
        var token = before.SessionToken!;
        Assert.Null(after.SessionToken);

        using var request = ToHttpRequest(after);
        await Sign(request, new SessionAWSCredentials(Aws4TestCase.AccessKey, Aws4TestCase.SecretKey, token), after.Body);

        Assert.Equal(token, Header(request, SessionTokenHeader));
        var signature = SigV4Reference.Signature(
            Aws4TestCase.SecretKey, Aws4TestCase.AmzDate, Aws4TestCase.Region, Aws4TestCase.Service, before.CanonicalRequestWithContentSha256());
        Assert.Equal(
            $"AWS4-HMAC-SHA256 Credential={Aws4TestCase.AccessKey}/20150830/us-east-1/service/aws4_request, SignedHeaders={before.SignedHeadersWithContentSha256()}, Signature={signature}",
            Header(request, "Authorization"));
        Assert.NotEqual(after.Authorization, Header(request, "Authorization"));
    }

    private static async Task Sign(HttpRequestMessage request, AWSCredentials credentials, string body)
    {
        var signer = new SigV4RequestSigner(credentials, new FakeTimeProvider(Aws4TestCase.SignedAt), Aws4TestCase.Service);
        await signer.SignAsync(request, Encoding.UTF8.GetBytes(body), Aws4TestCase.Region, CancellationToken.None);
    }

    private static HttpRequestMessage ToHttpRequest(Aws4TestCase suite)
    {
        var request = new HttpRequestMessage(new HttpMethod(suite.Method), new Uri("https://example.amazonaws.com" + suite.PathAndQuery));
        var contentHeaders = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in suite.Headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Equal(request.RequestUri!.Host, value);
            }
            else if (name.Equals(SessionTokenHeader, StringComparison.OrdinalIgnoreCase))
            {
                // Comes from the session credential, as it does in the client.
            }
            else if (name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
            {
                contentHeaders.Add(new(name, value));
            }
            else
            {
                Assert.True(request.Headers.TryAddWithoutValidation(name, value));
            }
        }

        if (suite.Body.Length > 0 || contentHeaders.Count > 0)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(suite.Body));
            foreach (var (name, value) in contentHeaders)
            {
                Assert.True(request.Content.Headers.TryAddWithoutValidation(name, value));
            }
        }

        return request;
    }

    internal static string? Header(HttpRequestMessage request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    internal static (string Algorithm, string Credential, string[] SignedHeaders, string Signature) AuthorizationParts(string authorization)
    {
        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        var fields = authorization[(space + 1)..].Split(", ")
            .Select(f => f.Split('=', 2))
            .ToDictionary(f => f[0], f => f[1]);
        return (authorization[..space], fields["Credential"], fields["SignedHeaders"].Split(';'), fields["Signature"]);
    }
}
