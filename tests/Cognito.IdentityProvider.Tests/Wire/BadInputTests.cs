using Cognito.IdentityProvider.Configuration;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Model;
using Cognito.Testing.Scripted;

namespace Cognito.IdentityProvider.Tests.Wire;

/// <summary>Bad input fails before anything is sent, with the error Cognito itself would give, naming the member and never its value.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private ScriptedCognitoServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await ScriptedCognitoServer.StartAsync();
        _server.Handler = (_, context) => ScriptedCognitoServer.RespondAsync(context, 200, """{"Username":"any","Users":[]}""");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData("   ", "does not match")]
    [InlineData("\t\n", "does not match")]
    public async Task Empty_and_whitespace_usernames(string username, string problem)
    {
        var error = await Assert.ThrowsAsync<InvalidParameterException>(() => ScriptedClient.Create(_server).AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = "eu-west-1_AbC123", Username = username }));
        Assert.Contains("Username", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Equal("InvalidParameterException", error.ErrorCode);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Oversize_inputs()
    {
        var client = ScriptedClient.Create(_server);
        var longName = new string('a', 129);
        var error = await Assert.ThrowsAsync<InvalidParameterException>(() => client.SignUpAsync(new SignUpRequest { ClientId = "abc123", Username = longName, Password = "Passw0rd!" }));
        Assert.Contains("at most 128", error.Message, StringComparison.Ordinal);

        var hugePassword = new string('p', 300) + "-secret-part";
        error = await Assert.ThrowsAsync<InvalidParameterException>(() => client.SignUpAsync(new SignUpRequest { ClientId = "abc123", Username = "bob", Password = hugePassword }));
        Assert.Contains("Password", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-part", error.Message, StringComparison.Ordinal);

        // 128 characters that are surrogate pairs are still 128 characters to Cognito.
        await client.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = "eu-west-1_AbC123", Username = string.Concat(Enumerable.Repeat("😀", 128)) });
        Assert.Single(_server.Requests);

        await Assert.ThrowsAsync<InvalidParameterException>(() => client.ListUsersAsync(new ListUsersRequest { UserPoolId = "eu-west-1_AbC123", Limit = 61 }));
        await Assert.ThrowsAsync<InvalidParameterException>(() => client.UpdateUserAttributesAsync(new UpdateUserAttributesRequest
        {
            AccessToken = "eyJ.a.b",
            UserAttributes = [new AttributeType { Name = new string('n', 33), Value = "v" }],
        }));
        Assert.Single(_server.Requests);
    }

    [Theory]
    [InlineData("not-a-pool")]
    [InlineData("eu-west-1_")]
    [InlineData("_AbC")]
    public async Task Invalid_pool_ids(string poolId)
    {
        await Assert.ThrowsAsync<InvalidParameterException>(() => ScriptedClient.Create(_server).ListUsersAsync(new ListUsersRequest { UserPoolId = poolId }));
        Assert.Empty(_server.Requests);
        Assert.Throws<CognitoConfigurationException>(() => new CognitoIdentityProviderClient(ScriptedClient.Http, new CognitoIdentityProviderOptions { UserPoolId = poolId }));
    }

    [Theory]
    [InlineData("eu west 1_AbC")]
    [InlineData("eu-west-1_AbC\n")]
    [InlineData("eu-west-1_Ab-C")]
    public void Configured_pool_ids_are_checked_whole(string poolId)
    {
        // The configured pool id is parsed strictly, by its own parser rather than the model's pattern.
        Assert.Throws<CognitoConfigurationException>(() => new CognitoIdentityProviderClient(ScriptedClient.Http, new CognitoIdentityProviderOptions { UserPoolId = poolId }));
        Assert.False(UserPoolId.TryParse(poolId, out _));
    }

    [Fact]
    public void Endpoint_comes_from_the_pool_id_the_region_or_a_service_url()
    {
        Assert.Equal(new Uri("https://cognito-idp.eu-west-1.amazonaws.com/"), CognitoEndpoint.Resolve(new CognitoIdentityProviderOptions { UserPoolId = "eu-west-1_AbC" }).ServiceUrl);
        Assert.Equal(new Uri("https://cognito-idp.us-gov-west-1.amazonaws.com/"), CognitoEndpoint.Resolve(new CognitoIdentityProviderOptions { UserPoolId = "eu-west-1_AbC", Region = "us-gov-west-1" }).ServiceUrl);
        Assert.Equal("eu-west-1", CognitoEndpoint.Resolve(new CognitoIdentityProviderOptions { UserPoolId = "eu-west-1_AbC", ServiceUrl = new Uri("http://127.0.0.1:9229/") }).Region);
        Assert.Throws<CognitoConfigurationException>(() => CognitoEndpoint.Resolve(new CognitoIdentityProviderOptions()));
        Assert.Throws<CognitoConfigurationException>(() => CognitoEndpoint.Resolve(new CognitoIdentityProviderOptions { ServiceUrl = new Uri("ftp://x/") }));
        Assert.Equal("AbC123", UserPoolId.Parse("eu-west-1_AbC123").PoolName);
    }

    [Fact]
    public async Task A_signed_call_without_a_region_is_a_configuration_error()
    {
        var client = new CognitoIdentityProviderClient(ScriptedClient.Http, new CognitoIdentityProviderOptions { ServiceUrl = _server.Url, Credentials = new Amazon.Runtime.BasicAWSCredentials("a", "b") });
        await Assert.ThrowsAsync<CognitoConfigurationException>(() => client.ListUsersAsync(new ListUsersRequest { UserPoolId = "eu-west-1_AbC123" }));
        await client.GetUserAsync(new GetUserRequest { AccessToken = "eyJ.a.b" }).ContinueWith(_ => { }, TaskScheduler.Default);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Null_requests_and_missing_required_members()
    {
        var client = ScriptedClient.Create(_server);
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.GetUserAsync(null!));
        var error = await Assert.ThrowsAsync<InvalidParameterException>(() => client.GetUserAsync(new GetUserRequest { AccessToken = null! }));
        Assert.Contains("AccessToken is required", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }
}
