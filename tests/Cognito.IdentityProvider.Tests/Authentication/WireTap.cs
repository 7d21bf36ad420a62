using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Cognito.IdentityProvider.Tests.Authentication;

/// <summary>
/// A handler in the test's own HttpClient, between the wire client and the server: it records the
/// JSON body of every call by operation and, when told to, rewrites a body on its way out (to
/// tamper with an answer the way an attacker on the path would).
/// </summary>
internal sealed class WireTap : DelegatingHandler
{
    private const string TargetPrefix = "AWSCognitoIdentityProviderService.";
    private readonly ConcurrentQueue<TappedCall> _calls = new();

    public WireTap()
        : base(new SocketsHttpHandler())
    {
    }

    /// <summary>Called with each outgoing call's operation and body; may change the body in place.</summary>
    public Action<string, JsonObject>? Rewrite { get; set; }

    public IReadOnlyList<TappedCall> Calls => [.. _calls];

    /// <summary>The body of the last call of <paramref name="operation"/> (optionally with that ChallengeName).</summary>
    public JsonObject Last(string operation, string? challengeName = null) => LastCall(operation, challengeName).Body;

    public TappedCall LastCall(string operation, string? challengeName = null) =>
        Calls.Last(c => c.Operation == operation && (challengeName is null || c.Body["ChallengeName"]?.GetValue<string>() == challengeName));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.FirstOrDefault() : null;
        if (target is not null && target.StartsWith(TargetPrefix, StringComparison.Ordinal) && request.Content is { } content)
        {
            var operation = target[TargetPrefix.Length..];
            var text = await content.ReadAsStringAsync(cancellationToken);
            var body = JsonNode.Parse(text)!.AsObject();
            if (Rewrite is { } rewrite)
            {
                rewrite(operation, body);
                var rewritten = new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToJsonString()));
                rewritten.Headers.ContentType = MediaTypeHeaderValue.Parse(content.Headers.ContentType?.ToString() ?? "application/x-amz-json-1.1");
                request.Content = rewritten;
            }

            var response = await base.SendAsync(request, cancellationToken);
            var answer = await response.Content.ReadAsStringAsync(cancellationToken);
            _calls.Enqueue(new TappedCall(operation, body.DeepClone().AsObject(), request.Headers.Contains("Authorization"), (int)response.StatusCode, answer));
            return response;
        }

        return await base.SendAsync(request, cancellationToken);
    }
}

/// <summary>One call as it left the client (after any rewrite), whether it was signed, and the answer's status and body.</summary>
internal sealed record TappedCall(string Operation, JsonObject Body, bool Signed, int Status, string Answer)
{
    public JsonObject AnswerJson => JsonNode.Parse(Answer)!.AsObject();

    /// <summary>Short, and without the bodies: they hold passwords and tokens.</summary>
    public override string ToString() => $"{Operation}{(Body["ChallengeName"] is { } name ? ":" + name : Body["AuthFlow"] is { } flow ? ":" + flow : "")} -> {Status}";
}
