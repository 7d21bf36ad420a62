using System.Net;
using System.Net.Http.Headers;
using Cognito.AspNetCore.Sessions;
using Microsoft.AspNetCore.Http;

namespace Cognito.AspNetCore.Http;

/// <summary>
/// Attaches the signed-in browser's current access token to outgoing calls; on a 401 it has the
/// session's grain refresh once (single-flight in the cluster) and retries once with the new token.
/// Without a signed-in session the request goes out as it is.
/// </summary>
internal sealed class CognitoUserAccessTokenHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext is not { } http || await http.GetCognitoAccessTokenAsync() is not { } token)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        // The body may be sent twice: keep a copy before the first attempt consumes it.
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        var renewed = await http.GetCognitoAccessTokenAsync(forceRefresh: true);
        var retry = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version, VersionPolicy = request.VersionPolicy };
        foreach (var header in request.Headers)
        {
            retry.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (body is not null)
        {
            retry.Content = new ByteArrayContent(body);
            foreach (var header in request.Content!.Headers)
            {
                retry.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        retry.Headers.Authorization = new AuthenticationHeaderValue("Bearer", renewed);
        return await base.SendAsync(retry, cancellationToken);
    }
}
