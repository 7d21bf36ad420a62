using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Cognito.Testing.SrpFront;

/// <summary>Talks JSON 1.1 to cognito-local, either forwarding a caller's request or making the front's own calls.</summary>
internal sealed class UpstreamClient(HttpClient http, Uri baseUrl)
{
    private const string TargetPrefix = "AWSCognitoIdentityProviderService.";

    // Hop-by-hop and framing headers belong to each connection, not to the message; and answers
    // must come back uncompressed, since the front reads some of them.
    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Transfer-Encoding", "TE", "Trailer", "Upgrade", "Proxy-Connection", "Content-Length", "Expect", "Accept-Encoding",
    };

    public Uri BaseUrl => baseUrl;

    /// <summary>Forwards a request as received: method, path and query, headers and body.</summary>
    public async Task<UpstreamResponse> ForwardAsync(string method, string pathAndQuery, IEnumerable<KeyValuePair<string, string[]>> headers, byte[] body, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(new HttpMethod(method), new Uri(baseUrl, pathAndQuery.TrimStart('/')));
        if (body.Length > 0 || !(method is "GET" or "HEAD"))
        {
            message.Content = new ByteArrayContent(body);
        }

        foreach (var (name, values) in headers)
        {
            if (NotForwarded.Contains(name))
            {
                continue;
            }

            if (!message.Headers.TryAddWithoutValidation(name, values))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, values);
            }
        }

        return await SendAsync(message, cancellationToken);
    }

    /// <summary>Forwards a JSON 1.1 call with the given target and body (used when the body or the operation is rewritten).</summary>
    public async Task<UpstreamResponse> PostAsync(string operation, byte[] body, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, baseUrl);
        message.Headers.TryAddWithoutValidation("X-Amz-Target", TargetPrefix + operation);
        message.Content = new ByteArrayContent(body);
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        return await SendAsync(message, cancellationToken);
    }

    /// <summary>The front's own call: the answer as JSON, or the upstream error thrown as a fault.</summary>
    public async Task<JsonObject> CallAsync(string operation, JsonObject request, CancellationToken cancellationToken)
    {
        var response = await PostAsync(operation, Encoding.UTF8.GetBytes(request.ToJsonString()), cancellationToken);
        return response.IsSuccess ? response.JsonBody() : throw response.ToFault();
    }

    private async Task<UpstreamResponse> SendAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(message, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = response.Headers
            .Concat(response.Content.Headers)
            .Where(h => !NotForwarded.Contains(h.Key))
            .Select(h => new KeyValuePair<string, string[]>(h.Key, [.. h.Value]))
            .ToList();
        return new UpstreamResponse((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), body, headers);
    }
}
