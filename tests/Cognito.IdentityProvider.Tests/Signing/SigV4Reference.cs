using System.Security.Cryptography;
using System.Text;

namespace Cognito.IdentityProvider.Tests.Signing;

/// <summary>
/// SigV4 written from the specification with nothing but <see cref="System.Security.Cryptography"/>,
/// so the signer under test (AWSSDK.Core) is checked against code that shares none of its parts.
/// </summary>
internal static class SigV4Reference
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    public static string HexSha256(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

    public static string HexSha256(string text) => HexSha256(Encoding.UTF8.GetBytes(text));

    /// <summary>kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").</summary>
    public static byte[] SigningKey(string secretKey, string date, string region, string service)
    {
        var kDate = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretKey), Encoding.UTF8.GetBytes(date));
        var kRegion = HMACSHA256.HashData(kDate, Encoding.UTF8.GetBytes(region));
        var kService = HMACSHA256.HashData(kRegion, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(kService, "aws4_request"u8);
    }

    public static string Scope(string date, string region, string service) => $"{date}/{region}/{service}/aws4_request";

    public static string StringToSign(string amzDate, string scope, string canonicalRequest) =>
        $"{Algorithm}\n{amzDate}\n{scope}\n{HexSha256(canonicalRequest)}";

    public static string Signature(string secretKey, string amzDate, string region, string service, string canonicalRequest)
    {
        var date = amzDate[..8];
        var stringToSign = StringToSign(amzDate, Scope(date, region, service), canonicalRequest);
        return Signature(SigningKey(secretKey, date, region, service), stringToSign);
    }

    public static string Signature(byte[] signingKey, string stringToSign) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign)));

    /// <summary>
    /// The canonical request: method, URI path, sorted query, lower-cased sorted headers with trimmed
    /// values, the signed header list, and the payload hash.
    /// </summary>
    public static string CanonicalRequest(string method, string path, string query, IEnumerable<KeyValuePair<string, string>> signedHeaders, string payloadHash)
    {
        var headers = signedHeaders
            .Select(h => (Name: h.Key.ToLowerInvariant(), Value: CollapseSpaces(h.Value.Trim())))
            .OrderBy(h => h.Name, StringComparer.Ordinal)
            .ToList();
        var builder = new StringBuilder();
        builder.Append(method).Append('\n');
        builder.Append(path).Append('\n');
        builder.Append(CanonicalQuery(query)).Append('\n');
        foreach (var (name, value) in headers)
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }

        builder.Append('\n');
        builder.Append(string.Join(';', headers.Select(h => h.Name))).Append('\n');
        builder.Append(payloadHash);
        return builder.ToString();
    }

    private static string CanonicalQuery(string query)
    {
        var pairs = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Name: Uri.EscapeDataString(Uri.UnescapeDataString(p[0])), Value: Uri.EscapeDataString(Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""))))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(p => $"{p.Name}={p.Value}"));
    }

    private static string CollapseSpaces(string value)
    {
        var builder = new StringBuilder(value.Length);
        var previousSpace = false;
        foreach (var c in value)
        {
            if (c == ' ')
            {
                if (!previousSpace)
                {
                    builder.Append(c);
                }

                previousSpace = true;
            }
            else
            {
                builder.Append(c);
                previousSpace = false;
            }
        }

        return builder.ToString();
    }
}
