using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Cognito.Testing.Tests.Support;

/// <summary>
/// Raw JSON 1.1 calls, so tests can send exactly what they mean (bent timestamps, wrong hashes) and
/// read exactly what came back, independently of the library's client.
/// </summary>
public sealed class RawCognito(HttpClient http, Uri url)
{
    public async Task<JsonObject> CallAsync(string operation, JsonObject request)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, url);
        message.Headers.TryAddWithoutValidation("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation);
        message.Content = new StringContent(request.ToJsonString(), Encoding.UTF8);
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        using var response = await http.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? [] : JsonNode.Parse(text)?.AsObject() ?? [];
        if (!response.IsSuccessStatusCode)
        {
            throw new CognitoCallException(json["__type"]?.GetValue<string>() ?? "?", json["message"]?.GetValue<string>() ?? text, (int)response.StatusCode);
        }

        return json;
    }

    public async Task<CognitoCallException> FailsAsync(string operation, JsonObject request) =>
        await Assert.ThrowsAsync<CognitoCallException>(() => CallAsync(operation, request));
}
