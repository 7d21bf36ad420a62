using System.Text.Json;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Model;
using Cognito.Testing.Scripted;

namespace Cognito.IdentityProvider.Tests.Wire;

/// <summary>
/// The operations cognito-local lacks (sign-out, devices, admin challenge answers, code resend,
/// admin password reset, refresh-token rotation, pagination), driven against responses shaped
/// exactly as AWS Cognito sends them. The server checks what our client sent.
/// </summary>
public sealed class RecordedResponsesTests : IAsyncLifetime
{
    private const string RecordedTokens = """{"AuthenticationResult":{"AccessToken":"eyJ.a.b","ExpiresIn":3600,"IdToken":"eyJ.i.d","RefreshToken":"eyJ.r.new","TokenType":"Bearer"},"ChallengeParameters":{}}""";
    private ScriptedCognitoServer _server = null!;

    public async Task InitializeAsync() => _server = await ScriptedCognitoServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private void Answer(string operation, string json) => _server.Handler = async (request, context) =>
    {
        Assert.Equal("AWSCognitoIdentityProviderService." + operation, request.Target);
        Assert.Equal("application/x-amz-json-1.1", request.ContentType);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.Path);
        await ScriptedCognitoServer.RespondAsync(context, 200, json);
    };

    private JsonElement LastBody() => JsonDocument.Parse(_server.Requests[^1].Body).RootElement;

    private void AssertUnsigned() => Assert.Null(_server.Requests[^1].Authorization);

    private void AssertSigned()
    {
        var authorization = _server.Requests[^1].Authorization;
        Assert.NotNull(authorization);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", authorization, StringComparison.Ordinal);
        Assert.Contains("/eu-west-1/cognito-idp/aws4_request", authorization, StringComparison.Ordinal);
        Assert.Contains("x-amz-target", authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Global_sign_out_is_unsigned_and_sends_the_access_token()
    {
        Answer("GlobalSignOut", "{}");
        await ScriptedClient.Create(_server).GlobalSignOutAsync(new GlobalSignOutRequest { AccessToken = "eyJ.access.token" });
        AssertUnsigned();
        Assert.Equal("eyJ.access.token", LastBody().GetProperty("AccessToken").GetString());
    }

    [Fact]
    public async Task Admin_user_global_sign_out_is_signed()
    {
        Answer("AdminUserGlobalSignOut", "{}");
        await ScriptedClient.Create(_server).AdminUserGlobalSignOutAsync(new AdminUserGlobalSignOutRequest { UserPoolId = "eu-west-1_AbC123", Username = "bob" });
        AssertSigned();
        Assert.Equal("bob", LastBody().GetProperty("Username").GetString());
    }

    [Fact]
    public async Task Resend_confirmation_code_reads_delivery_details()
    {
        Answer("ResendConfirmationCode", """{"CodeDeliveryDetails":{"AttributeName":"email","DeliveryMedium":"EMAIL","Destination":"b***@e***"}}""");
        var response = await ScriptedClient.Create(_server).ResendConfirmationCodeAsync(new ResendConfirmationCodeRequest { ClientId = "abc123", Username = "bob", SecretHash = "hash" });
        AssertUnsigned();
        Assert.Equal(DeliveryMediumType.Email, response.CodeDeliveryDetails!.DeliveryMedium);
        Assert.Equal("hash", LastBody().GetProperty("SecretHash").GetString());
    }

    [Fact]
    public async Task Admin_reset_password_and_admin_mfa_preference_are_signed()
    {
        Answer("AdminResetUserPassword", "{}");
        var client = ScriptedClient.Create(_server);
        await client.AdminResetUserPasswordAsync(new AdminResetUserPasswordRequest { UserPoolId = "eu-west-1_AbC123", Username = "bob" });
        AssertSigned();
        Answer("AdminSetUserMFAPreference", "{}");
        await client.AdminSetUserMFAPreferenceAsync(new AdminSetUserMFAPreferenceRequest { UserPoolId = "eu-west-1_AbC123", Username = "bob", SoftwareTokenMfaSettings = new SoftwareTokenMfaSettingsType { Enabled = true } });
        AssertSigned();
    }

    [Fact]
    public async Task Admin_respond_to_auth_challenge_reads_tokens()
    {
        Answer("AdminRespondToAuthChallenge", RecordedTokens);
        var response = await ScriptedClient.Create(_server).AdminRespondToAuthChallengeAsync(new AdminRespondToAuthChallengeRequest
        {
            UserPoolId = "eu-west-1_AbC123",
            ClientId = "abc123",
            ChallengeName = ChallengeNameType.SmsMfa,
            Session = new string('s', 40),
            ChallengeResponses = new Dictionary<string, string> { ["USERNAME"] = "bob", ["SMS_MFA_CODE"] = "123456" },
        });
        AssertSigned();
        Assert.Equal(3600, response.AuthenticationResult!.ExpiresIn);
        Assert.Equal("Bearer", response.AuthenticationResult.TokenType);
    }

    [Fact]
    public async Task Get_tokens_from_refresh_token_returns_the_rotated_refresh_token()
    {
        Answer("GetTokensFromRefreshToken", RecordedTokens);
        var response = await ScriptedClient.Create(_server).GetTokensFromRefreshTokenAsync(new GetTokensFromRefreshTokenRequest { ClientId = "abc123", RefreshToken = "eyJ.r.old", ClientSecret = "abcdefghijklmnopqrstuvwxyz0123456789" });
        AssertUnsigned();
        Assert.Equal("eyJ.r.new", response.AuthenticationResult!.RefreshToken);
    }

    [Fact]
    public async Task Device_operations()
    {
        var client = ScriptedClient.Create(_server);
        Answer("ConfirmDevice", """{"UserConfirmationNecessary":false}""");
        var confirmed = await client.ConfirmDeviceAsync(new ConfirmDeviceRequest
        {
            AccessToken = "eyJ.a.b",
            DeviceKey = "eu-west-1_0a1b2c3d-0000-1111-2222-333344445555",
            DeviceName = "laptop",
            DeviceSecretVerifierConfig = new DeviceSecretVerifierConfigType { PasswordVerifier = "dmVyaWZpZXI=", Salt = "c2FsdA==" },
        });
        AssertUnsigned();
        Assert.False(confirmed.UserConfirmationNecessary);
        Assert.Equal("c2FsdA==", LastBody().GetProperty("DeviceSecretVerifierConfig").GetProperty("Salt").GetString());

        Answer("UpdateDeviceStatus", "{}");
        await client.UpdateDeviceStatusAsync(new UpdateDeviceStatusRequest { AccessToken = "eyJ.a.b", DeviceKey = "eu-west-1_0a1b2c3d-0000-1111-2222-333344445555", DeviceRememberedStatus = DeviceRememberedStatusType.Remembered });
        Answer("GetDevice", """{"Device":{"DeviceKey":"eu-west-1_0a1b2c3d-0000-1111-2222-333344445555","DeviceAttributes":[{"Name":"device_name","Value":"laptop"}],"DeviceCreateDate":1.712345678123E9,"DeviceLastAuthenticatedDate":1.712345679E9,"DeviceLastModifiedDate":1.712345679E9}}""");
        var device = await client.GetDeviceAsync(new GetDeviceRequest { AccessToken = "eyJ.a.b", DeviceKey = "eu-west-1_0a1b2c3d-0000-1111-2222-333344445555" });
        Assert.Equal(1_712_345_678, device.Device.DeviceCreateDate!.Value.ToUnixTimeSeconds());

        var page = 0;
        _server.Handler = async (request, context) =>
        {
            page++;
            var body = JsonDocument.Parse(request.Body).RootElement;
            var token = body.TryGetProperty("PaginationToken", out var t) ? t.GetString() : null;
            Assert.Equal(page == 1 ? null : "page" + page, token);
            var next = page < 3 ? $",\"PaginationToken\":\"page{page + 1}\"" : string.Empty;
            await ScriptedCognitoServer.RespondAsync(context, 200, $$"""{"Devices":[{"DeviceKey":"eu-west-1_d{{page}}"}]{{next}}}""");
        };
        var devices = await client.ListDevicesAllAsync(new ListDevicesRequest { AccessToken = "eyJ.a.b", Limit = 1 }).ToListAsync();
        Assert.Equal(["eu-west-1_d1", "eu-west-1_d2", "eu-west-1_d3"], devices.Select(d => d.DeviceKey));

        Answer("ForgetDevice", "");
        await client.ForgetDeviceAsync(new ForgetDeviceRequest { AccessToken = "eyJ.a.b", DeviceKey = "eu-west-1_0a1b2c3d-0000-1111-2222-333344445555" });
        AssertUnsigned();
    }

    [Fact]
    public async Task List_users_follows_every_page()
    {
        _server.Handler = async (request, context) =>
        {
            var body = JsonDocument.Parse(request.Body).RootElement;
            Assert.Equal(60, body.GetProperty("Limit").GetInt32());
            var token = body.TryGetProperty("PaginationToken", out var t) ? t.GetString() : null;
            var (users, next) = token switch
            {
                null => ("""{"Username":"u1"},{"Username":"u2"}""", ",\"PaginationToken\":\"CAISlQIIARKuAQgDEqkB\""),
                "CAISlQIIARKuAQgDEqkB" => ("""{"Username":"u3"}""", ",\"PaginationToken\":\"second\""),
                "second" => ("""{"Username":"u4"}""", string.Empty),
                _ => throw new InvalidOperationException("unexpected token"),
            };
            await ScriptedCognitoServer.RespondAsync(context, 200, $$"""{"Users":[{{users}}]{{next}}}""");
        };
        var all = await ScriptedClient.Create(_server).ListUsersAllAsync(new ListUsersRequest { UserPoolId = "eu-west-1_AbC123", Limit = 60 }).ToListAsync();
        Assert.Equal(["u1", "u2", "u3", "u4"], all.Select(u => u.Username));
        Assert.Equal(3, _server.Requests.Count);
        AssertSigned();
    }

    [Fact]
    public async Task Groups_follow_next_token_and_a_repeated_token_stops_with_a_protocol_error()
    {
        _server.Handler = async (request, context) =>
        {
            var body = JsonDocument.Parse(request.Body).RootElement;
            var more = body.TryGetProperty("NextToken", out _) ? string.Empty : ",\"NextToken\":\"n2\"";
            await ScriptedCognitoServer.RespondAsync(context, 200, $$"""{"Groups":[{"GroupName":"g{{_server.Requests.Count}}","Precedence":{{_server.Requests.Count}}}]{{more}}}""");
        };
        var client = ScriptedClient.Create(_server);
        var groups = await client.ListGroupsAllAsync(new ListGroupsRequest { UserPoolId = "eu-west-1_AbC123" }).ToListAsync();
        Assert.Equal(["g1", "g2"], groups.Select(g => g.GroupName));

        _server.Handler = (_, context) => ScriptedCognitoServer.RespondAsync(context, 200, """{"Users":[{"Username":"loop"}],"NextToken":"same"}""");
        await Assert.ThrowsAsync<CognitoProtocolException>(async () => await client.ListUsersInGroupAllAsync(new ListUsersInGroupRequest { UserPoolId = "eu-west-1_AbC123", GroupName = "g" }).ToListAsync());
    }

    [Theory]
    [InlineData("""{"__type":"NotAuthorizedException","message":"Incorrect username or password."}""", null, "NotAuthorizedException", "Incorrect username or password.")]
    [InlineData("""{"__type":"com.amazonaws.cognito.identity.idp.model#UserNotFoundException","message":"User does not exist."}""", null, "UserNotFoundException", "User does not exist.")]
    [InlineData("""{"message":"Password reset required for the user"}""", "PasswordResetRequiredException:http://internal.amazon.com/coral/com.amazonaws.cognito.identity.idp.model/", "PasswordResetRequiredException", "Password reset required for the user")]
    [InlineData("""{"__type":"UserNotConfirmedException","Message":"User is not confirmed."}""", null, "UserNotConfirmedException", "User is not confirmed.")]
    [InlineData("""{"__type":"SomethingNewException","message":"A code AWS added later."}""", null, "SomethingNewException", "A code AWS added later.")]
    public async Task Aws_error_bodies_become_typed_exceptions(string body, string? header, string code, string message)
    {
        _server.Handler = (_, context) => ScriptedCognitoServer.RespondAsync(context, 400, body, header);
        var error = await Assert.ThrowsAnyAsync<CognitoServiceException>(() => ScriptedClient.Create(_server).InitiateAuthAsync(new InitiateAuthRequest { ClientId = "abc123", AuthFlow = AuthFlowType.UserPasswordAuth }));
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(message, error.Message);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("11111111-2222-3333-4444-555555555555", error.RequestId);
        if (code != "SomethingNewException")
        {
            Assert.Equal(code, error.GetType().Name);
        }

        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Get_provisioned_limit_is_signed_and_reads_both_limit_values()
    {
        Answer("GetProvisionedLimit", """{"Limit":{"FreeLimitValue":120,"LimitDefinition":{"Attributes":{"Category":"UserAuthentication"},"LimitClass":"API_CATEGORY"},"ProvisionedLimitValue":200}}""");
        var response = await ScriptedClient.Create(_server).GetProvisionedLimitAsync(new GetProvisionedLimitRequest
        {
            LimitDefinition = new LimitDefinitionType { LimitClass = LimitClass.ApiCategory, Attributes = new Dictionary<string, string> { ["Category"] = "UserAuthentication" } },
        });
        AssertSigned();
        var sent = LastBody().GetProperty("LimitDefinition");
        Assert.Equal("API_CATEGORY", sent.GetProperty("LimitClass").GetString());
        Assert.Equal("UserAuthentication", sent.GetProperty("Attributes").GetProperty("Category").GetString());
        Assert.Equal(200, response.Limit.ProvisionedLimitValue);
        Assert.Equal(120, response.Limit.FreeLimitValue);
        Assert.Equal(LimitClass.ApiCategory, response.Limit.LimitDefinition.LimitClass);
        Assert.Equal("UserAuthentication", response.Limit.LimitDefinition.Attributes["Category"]);
    }

    [Fact]
    public async Task Passkey_registration_carries_the_options_and_the_credential_as_json_documents()
    {
        Answer("StartWebAuthnRegistration", """{"CredentialCreationOptions":{"challenge":"Y2hhbGxlbmdl","rp":{"id":"example.com","name":"Example"},"user":{"id":"dXNlcg","name":"bob","displayName":"bob"},"pubKeyCredParams":[{"type":"public-key","alg":-7},{"type":"public-key","alg":-257}],"timeout":60000}}""");
        var client = ScriptedClient.Create(_server);
        var started = await client.StartWebAuthnRegistrationAsync(new StartWebAuthnRegistrationRequest { AccessToken = "access-token-value" });
        Assert.Equal("example.com", started.CredentialCreationOptions.GetProperty("rp").GetProperty("id").GetString());
        Assert.Equal(-257, started.CredentialCreationOptions.GetProperty("pubKeyCredParams")[1].GetProperty("alg").GetInt32());
        Assert.DoesNotContain("Y2hhbGxlbmdl", started.ToString(), StringComparison.Ordinal);

        Answer("CompleteWebAuthnRegistration", "{}");
        using var credential = System.Text.Json.JsonDocument.Parse("""{"id":"cred-1","rawId":"cred-1","type":"public-key","response":{"clientDataJSON":"e30","attestationObject":"o2Nm"}}""");
        var request = new CompleteWebAuthnRegistrationRequest { AccessToken = "access-token-value", Credential = credential.RootElement };
        await client.CompleteWebAuthnRegistrationAsync(request);
        var sent = LastBody().GetProperty("Credential");
        Assert.Equal(System.Text.Json.JsonValueKind.Object, sent.ValueKind);
        Assert.Equal("o2Nm", sent.GetProperty("response").GetProperty("attestationObject").GetString());
        Assert.DoesNotContain("o2Nm", request.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("access-token-value", request.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Passkeys_and_auth_factors_are_listed_and_a_passkey_deleted()
    {
        Answer("ListWebAuthnCredentials", """{"Credentials":[{"CredentialId":"cred-1","FriendlyCredentialName":"laptop","RelyingPartyId":"example.com","AuthenticatorAttachment":"platform","AuthenticatorTransports":["internal"],"CreatedAt":1764676800}]}""");
        var client = ScriptedClient.Create(_server);
        var listed = await client.ListWebAuthnCredentialsAsync(new ListWebAuthnCredentialsRequest { AccessToken = "access-token-value" });
        var passkey = Assert.Single(listed.Credentials);
        Assert.Equal(("cred-1", "laptop", "example.com"), (passkey.CredentialId, passkey.FriendlyCredentialName, passkey.RelyingPartyId));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764676800), passkey.CreatedAt);

        Answer("DeleteWebAuthnCredential", "{}");
        await client.DeleteWebAuthnCredentialAsync(new DeleteWebAuthnCredentialRequest { AccessToken = "access-token-value", CredentialId = "cred-1" });
        Assert.Equal("cred-1", LastBody().GetProperty("CredentialId").GetString());

        Answer("GetUserAuthFactors", """{"Username":"bob","PreferredMfaSetting":"SOFTWARE_TOKEN_MFA","UserMFASettingList":["SOFTWARE_TOKEN_MFA"],"ConfiguredUserAuthFactors":["PASSWORD","WEB_AUTHN"]}""");
        var factors = await client.GetUserAuthFactorsAsync(new GetUserAuthFactorsRequest { AccessToken = "access-token-value" });
        Assert.Equal(["PASSWORD", "WEB_AUTHN"], factors.ConfiguredUserAuthFactors);
    }
}
