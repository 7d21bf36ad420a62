using System.Net;

namespace Cognito.AspNetCore.Tests;

/// <summary>
/// The API a front end calls with the user's access token: outside what is tested, so a recording
/// stand-in. It answers 401 to the first token it sees once <see cref="RefuseFirst"/> is set.
/// </summary>
public sealed class DownstreamApi : HttpMessageHandler
{
    private readonly List<string?> _tokens = [];

    public bool RefuseFirst { get; set; }

    public IReadOnlyList<string?> Tokens
    {
        get
        {
            lock (_tokens)
            {
                return [.. _tokens];
            }
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        bool refuse;
        lock (_tokens)
        {
            _tokens.Add(request.Headers.Authorization?.Parameter);
            refuse = RefuseFirst && _tokens.Count == 1;
        }

        return Task.FromResult(new HttpResponseMessage(refuse ? HttpStatusCode.Unauthorized : HttpStatusCode.OK) { Content = new StringContent("data") });
    }
}
