using Cognito.Testing.Tools;

namespace Cognito.IdentityProvider.Tests.Signing;

/// <summary>One case of the AWS SigV4 test suite, read from the shared data at test time.</summary>
internal sealed record Aws4TestCase(
    string Name,
    string Method,
    string PathAndQuery,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string Body,
    string CanonicalRequest,
    string StringToSign,
    string Authorization)
{
    public const string AccessKey = "AKIDEXAMPLE";
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    public const string AmzDate = "20150830T123600Z";
    public const string Region = "us-east-1";
    public const string Service = "service";
    public static readonly DateTimeOffset SignedAt = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    /// <param name="path">The case's folder under aws4_testsuite, e.g. <c>post-vanilla</c> or <c>post-sts-token/post-sts-header-before</c>.</param>
    public static Aws4TestCase Load(string path)
    {
        var name = path.Split('/')[^1];
        string Read(string extension) =>
            File.ReadAllText(SharedData.PathOf(["aws4_testsuite", .. path.Split('/'), name + extension])).ReplaceLineEndings("\n");

        var raw = Read(".req");
        var split = raw.IndexOf("\n\n", StringComparison.Ordinal);
        var head = split < 0 ? raw : raw[..split];
        var body = split < 0 ? "" : raw[(split + 2)..];
        var lines = head.Split('\n');
        var requestLine = lines[0].Split(' ');
        var headers = lines.Skip(1)
            .Where(l => l.Length > 0)
            .Select(l => new KeyValuePair<string, string>(l[..l.IndexOf(':', StringComparison.Ordinal)], l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..]))
            .ToList();
        return new Aws4TestCase(name, requestLine[0], requestLine[1], headers, body, Read(".creq"), Read(".sts"), Read(".authz").Trim());
    }

    /// <summary>The payload hash, the last line of the canonical request.</summary>
    public string PayloadHash => CanonicalRequest.Split('\n')[^1];

    /// <summary>The session token, when the canonical request signs one.</summary>
    public string? SessionToken => CanonicalRequest.Split('\n')
        .FirstOrDefault(l => l.StartsWith("x-amz-security-token:", StringComparison.Ordinal))?["x-amz-security-token:".Length..];

    /// <summary>
    /// The suite's canonical request with an <c>x-amz-content-sha256</c> header carrying the payload
    /// hash, the one header AWSSDK.Core's SigV4 signer adds to and signs on every request (for every
    /// service, not only S3); everything else is the suite's own text.
    /// </summary>
    public string CanonicalRequestWithContentSha256()
    {
        var lines = CanonicalRequest.Split('\n');
        var blank = Array.IndexOf(lines, "", 3);
        var headers = lines[3..blank].Append("x-amz-content-sha256:" + PayloadHash).OrderBy(h => h[..h.IndexOf(':', StringComparison.Ordinal)], StringComparer.Ordinal);
        var signed = lines[blank + 1].Split(';').Append("x-amz-content-sha256").Order(StringComparer.Ordinal);
        return string.Join('\n', [.. lines[..3], .. headers, "", string.Join(';', signed), PayloadHash]);
    }

    public string SignedHeadersWithContentSha256() => CanonicalRequestWithContentSha256().Split('\n')[^2];
}
