using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Cognito.Testing.SrpFront;
using Cognito.Testing.Tests.Support;

namespace Cognito.Testing.Tests.Front;

/// <summary>Everything the front does not serve reaches cognito-local unchanged, and its answer comes back unchanged.</summary>
[Collection(SrpFrontCollection.Name)]
public sealed class PassThroughTests(SrpFrontFixture fixture)
{
    [Theory]
    [InlineData("health")]
    [InlineData("{pool}/.well-known/jwks.json")]
    [InlineData("{pool}/.well-known/openid-configuration?x=1")]
    public async Task Get_requests_pass_through(string path)
    {
        var pool = await fixture.CreatePoolAsync();
        var relative = path.Replace("{pool}", pool.UserPoolId, StringComparison.Ordinal);
        var direct = await GetAsync(new Uri(fixture.Server.Url, relative));
        var through = await GetAsync(new Uri(fixture.Front.Url, relative));
        Assert.Equal(HttpStatusCode.OK, through.Status);
        Assert.Equal(direct, through);
    }

    [Fact]
    public async Task Json_calls_and_errors_pass_through_byte_for_byte()
    {
        var pool = await fixture.CreatePoolAsync();
        var username = await fixture.CreateUserAsync(pool);
        var getUser = $$"""{"UserPoolId":"{{pool.UserPoolId}}","Username":"{{username}}"}""";
        var direct = await PostAsync(fixture.Server.Url, "AdminGetUser", getUser);
        var through = await PostAsync(fixture.Front.Url, "AdminGetUser", getUser);
        Assert.Equal(direct, through);

        var wrongCode = $$"""{"ClientId":"{{pool.ClientId}}","Username":"{{username}}","ConfirmationCode":"000000"}""";
        var errorDirect = await PostAsync(fixture.Server.Url, "ConfirmSignUp", wrongCode);
        var errorThrough = await PostAsync(fixture.Front.Url, "ConfirmSignUp", wrongCode);
        Assert.Equal(HttpStatusCode.BadRequest, errorThrough.Status);
        Assert.Equal(errorDirect, errorThrough);

        // What cognito-local cannot do stays its own answer (HTTP 500, CognitoLocal#Unsupported).
        var unsupported = await PostAsync(fixture.Front.Url, "AdminResetUserPassword", getUser);
        Assert.Equal(HttpStatusCode.InternalServerError, unsupported.Status);
        Assert.Contains("Unsupported", unsupported.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_are_counted_per_operation_and_per_flow()
    {
        var pool = await fixture.CreatePoolAsync();
        var username = await fixture.CreateUserAsync(pool);
        var raw = new RawCognito(fixture.Http, fixture.Front.Url);
        var accessToken = (await new SrpLogin(raw, pool).LoginAsync(username))["AuthenticationResult"]!["AccessToken"]!.GetValue<string>();
        var before = fixture.Front.Count("GetUser");

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => raw.CallAsync("GetUser", new JsonObject { ["AccessToken"] = accessToken })));

        Assert.Equal(before + 10, fixture.Front.Count("GetUser"));
        Assert.True(fixture.Front.Count("InitiateAuth:USER_SRP_AUTH") >= 1);
        Assert.Equal(0, fixture.Front.Count("NoSuchOperation"));
        Assert.Contains("AdminCreateUser", fixture.Front.Counts.Keys);
    }

    [Fact]
    public async Task Clients_created_directly_on_cognito_local_are_looked_up_and_users_without_a_known_password_are_reported()
    {
        var pool = await fixture.CreatePoolAsync();
        var front = new RawCognito(fixture.Http, fixture.Front.Url);
        var direct = new RawCognito(fixture.Http, fixture.Server.Url);

        // A client the front never saw created (with a secret): found by ListUserPools + ListUserPoolClients, secret and all.
        var created = await direct.CallAsync("CreateUserPoolClient", new JsonObject { ["UserPoolId"] = pool.UserPoolId, ["ClientName"] = "behind", ["GenerateSecret"] = true });
        var hidden = pool with { ClientId = created["UserPoolClient"]!["ClientId"]!.GetValue<string>(), ClientSecret = created["UserPoolClient"]!["ClientSecret"]!.GetValue<string>() };
        var username = await fixture.CreateUserAsync(pool);
        var noHash = await front.FailsAsync("InitiateAuth", new JsonObject
        {
            ["AuthFlow"] = "USER_SRP_AUTH",
            ["ClientId"] = hidden.ClientId,
            ["AuthParameters"] = new JsonObject { ["USERNAME"] = username, ["SRP_A"] = new SrpTestClient().SrpA },
        });
        Assert.Equal($"Client {hidden.ClientId} is configured with secret but SECRET_HASH was not received", noHash.ErrorMessage);
        await new SrpLogin(front, hidden).LoginAsync(username);

        // A user whose password never passed through the front: its SRP login cannot be served, and the front says why.
        await direct.CallAsync("AdminCreateUser", new JsonObject { ["UserPoolId"] = pool.UserPoolId, ["Username"] = "behind-the-back", ["TemporaryPassword"] = "Passw0rd!Strong", ["MessageAction"] = "SUPPRESS" });
        var noVerifier = await Assert.ThrowsAsync<CognitoCallException>(() => new SrpLogin(front, pool).InitiateAsync("behind-the-back"));
        Assert.Equal(("SrpFront#NoVerifier", 500), (noVerifier.Type, noVerifier.Status));
        Assert.Contains("through the front", noVerifier.ErrorMessage, StringComparison.Ordinal);

        var unknownClient = await Assert.ThrowsAsync<CognitoCallException>(() => new SrpLogin(front, pool with { ClientId = "nosuchclient" }).InitiateAsync("x"));
        Assert.Equal(("ResourceNotFoundException", "User pool client nosuchclient does not exist."), (unknownClient.Type, unknownClient.ErrorMessage));
    }

    private async Task<(HttpStatusCode Status, string? ContentType, string Body)> GetAsync(Uri url)
    {
        using var response = await fixture.Http.GetAsync(url);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    private async Task<(HttpStatusCode Status, string? ContentType, string Body)> PostAsync(Uri url, string operation, string json)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, url);
        message.Headers.TryAddWithoutValidation("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation);
        message.Content = new StringContent(json, Encoding.UTF8);
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        using var response = await fixture.Http.SendAsync(message);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }
}
