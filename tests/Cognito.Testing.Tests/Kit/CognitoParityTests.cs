using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Model;
using Cognito.Testing.SrpFront;

namespace Cognito.Testing.Tests.Kit;

/// <summary>
/// Where cognito-local differs from Cognito, the kit answers as Cognito's API model says
/// (service-2.json: InitiateAuth, AdminInitiateAuth and ChangePassword list NotAuthorizedException
/// for bad credentials; CreateGroup lists GroupExistsException), through the wire client.
/// </summary>
[Collection(SrpFrontCollection.Name)]
public sealed class CognitoParityTests(SrpFrontFixture fixture)
{
    private const string Wrong = "Wr0ng!Password";

    [Fact]
    public async Task A_wrong_password_is_NotAuthorizedException_with_cognitos_message_in_every_password_flow()
    {
        var pool = await fixture.CreatePoolAsync();
        var username = await fixture.CreateUserAsync(pool);
        var client = fixture.CreateClient(pool.UserPoolId);

        var user = await Assert.ThrowsAsync<NotAuthorizedException>(() => client.InitiateAuthAsync(new InitiateAuthRequest
        {
            ClientId = pool.ClientId,
            AuthFlow = "USER_PASSWORD_AUTH",
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = username, ["PASSWORD"] = Wrong },
        }));
        Assert.Equal(CognitoFault.IncorrectCredentials, user.Message);

        var admin = await Assert.ThrowsAsync<NotAuthorizedException>(() => client.AdminInitiateAuthAsync(new AdminInitiateAuthRequest
        {
            UserPoolId = pool.UserPoolId,
            ClientId = pool.ClientId,
            AuthFlow = "ADMIN_USER_PASSWORD_AUTH",
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = username, ["PASSWORD"] = Wrong },
        }));
        Assert.Equal(CognitoFault.IncorrectCredentials, admin.Message);

        var tokens = await client.InitiateAuthAsync(new InitiateAuthRequest
        {
            ClientId = pool.ClientId,
            AuthFlow = "USER_PASSWORD_AUTH",
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = username, ["PASSWORD"] = CognitoLocalFixture.DefaultPassword },
        });
        var change = await Assert.ThrowsAsync<NotAuthorizedException>(() => client.ChangePasswordAsync(new ChangePasswordRequest
        {
            AccessToken = tokens.AuthenticationResult!.AccessToken!,
            PreviousPassword = Wrong,
            ProposedPassword = "N3w!Password",
        }));
        Assert.Equal(CognitoFault.IncorrectCredentials, change.Message);
    }

    [Fact]
    public async Task Creating_a_group_whose_name_exists_is_refused_with_GroupExistsException_and_keeps_the_group()
    {
        var pool = await fixture.CreatePoolAsync();
        var client = fixture.CreateClient(pool.UserPoolId);
        await client.CreateGroupAsync(new CreateGroupRequest { UserPoolId = pool.UserPoolId, GroupName = "admins", Description = "first" });

        await Assert.ThrowsAsync<GroupExistsException>(() => client.CreateGroupAsync(new CreateGroupRequest { UserPoolId = pool.UserPoolId, GroupName = "admins", Description = "second" }));
        var kept = await client.GetGroupAsync(new GetGroupRequest { UserPoolId = pool.UserPoolId, GroupName = "admins" });
        Assert.Equal("first", kept.Group!.Description);
    }

    [Fact]
    public async Task A_custom_attribute_given_at_sign_up_can_be_updated_later_in_a_kit_pool_and_an_undeclared_one_is_refused()
    {
        var pool = await fixture.CreatePoolAsync();
        var client = fixture.CreateClient(pool.UserPoolId);
        var username = fixture.UniqueName("custom");
        await client.SignUpAsync(new SignUpRequest
        {
            ClientId = pool.ClientId,
            Username = username,
            Password = CognitoLocalFixture.DefaultPassword,
            UserAttributes = [new AttributeType { Name = "email", Value = $"{username}@example.com" }, new AttributeType { Name = "custom:tier", Value = "silver" }],
        });
        await client.AdminConfirmSignUpAsync(new AdminConfirmSignUpRequest { UserPoolId = pool.UserPoolId, Username = username });
        var tokens = await client.InitiateAuthAsync(new InitiateAuthRequest
        {
            ClientId = pool.ClientId,
            AuthFlow = "USER_PASSWORD_AUTH",
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = username, ["PASSWORD"] = CognitoLocalFixture.DefaultPassword },
        });
        var accessToken = tokens.AuthenticationResult!.AccessToken!;

        await client.UpdateUserAttributesAsync(new UpdateUserAttributesRequest { AccessToken = accessToken, UserAttributes = [new AttributeType { Name = "custom:tier", Value = "gold" }] });
        await client.AdminUpdateUserAttributesAsync(new AdminUpdateUserAttributesRequest { UserPoolId = pool.UserPoolId, Username = username, UserAttributes = [new AttributeType { Name = "custom:tier", Value = "platinum" }] });
        var user = await client.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = pool.UserPoolId, Username = username });
        Assert.Contains(user.UserAttributes!, a => a.Name == "custom:tier" && a.Value == "platinum");

        // As in Cognito: an attribute the pool's schema does not declare is refused.
        await Assert.ThrowsAsync<InvalidParameterException>(() => client.AdminUpdateUserAttributesAsync(new AdminUpdateUserAttributesRequest { UserPoolId = pool.UserPoolId, Username = username, UserAttributes = [new AttributeType { Name = "custom:undeclared", Value = "x" }] }));
    }
}
