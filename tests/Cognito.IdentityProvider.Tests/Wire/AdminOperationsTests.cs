using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Model;
using Cognito.Testing.CognitoLocal;

namespace Cognito.IdentityProvider.Tests.Wire;

/// <summary>The signed admin, user-listing and group operations against a real cognito-local.</summary>
[Collection(CognitoLocalCollection.Name)]
public sealed class AdminOperationsTests(CognitoLocalFixture cognito)
{
    [Fact]
    public async Task Admin_user_lifecycle()
    {
        var pool = await cognito.CreatePoolAsync();
        var admin = cognito.CreateClient(pool.UserPoolId);
        var username = cognito.UniqueName("bob");

        var created = await admin.AdminCreateUserAsync(new AdminCreateUserRequest
        {
            UserPoolId = pool.UserPoolId,
            Username = username,
            TemporaryPassword = "Temp0rary!Pass",
            MessageAction = "SUPPRESS",
            UserAttributes = [new AttributeType { Name = "email", Value = $"{username}@example.com" }],
        });
        Assert.Equal(username, created.User!.Username);
        await Assert.ThrowsAsync<UsernameExistsException>(() => admin.AdminCreateUserAsync(new AdminCreateUserRequest { UserPoolId = pool.UserPoolId, Username = username, MessageAction = "SUPPRESS" }));

        await admin.AdminSetUserPasswordAsync(new AdminSetUserPasswordRequest { UserPoolId = pool.UserPoolId, Username = username, Password = CognitoLocalFixture.DefaultPassword, Permanent = true });
        await admin.AdminUpdateUserAttributesAsync(new AdminUpdateUserAttributesRequest { UserPoolId = pool.UserPoolId, Username = username, UserAttributes = [new AttributeType { Name = "family_name", Value = "Builder" }] });
        var user = await admin.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = pool.UserPoolId, Username = username });
        Assert.Equal("CONFIRMED", user.UserStatus);
        Assert.True(user.Enabled);
        Assert.Contains(user.UserAttributes!, a => a.Name == "family_name" && a.Value == "Builder");
        Assert.NotNull(user.UserCreateDate);

        var auth = await admin.AdminInitiateAuthAsync(new AdminInitiateAuthRequest
        {
            UserPoolId = pool.UserPoolId,
            ClientId = pool.ClientId,
            AuthFlow = AuthFlowType.AdminUserPasswordAuth,
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = username, ["PASSWORD"] = CognitoLocalFixture.DefaultPassword },
        });
        Assert.NotNull(auth.AuthenticationResult?.AccessToken);

        await admin.AdminDisableUserAsync(new AdminDisableUserRequest { UserPoolId = pool.UserPoolId, Username = username });
        Assert.False((await admin.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = pool.UserPoolId, Username = username })).Enabled);
        await admin.AdminEnableUserAsync(new AdminEnableUserRequest { UserPoolId = pool.UserPoolId, Username = username });
        Assert.True((await admin.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = pool.UserPoolId, Username = username })).Enabled);

        await admin.AdminDeleteUserAsync(new AdminDeleteUserRequest { UserPoolId = pool.UserPoolId, Username = username });
        await Assert.ThrowsAsync<UserNotFoundException>(() => admin.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = pool.UserPoolId, Username = username }));
    }

    [Fact]
    public async Task Admin_confirm_sign_up()
    {
        var pool = await cognito.CreatePoolAsync();
        var client = cognito.CreateClient(pool.UserPoolId);
        var username = cognito.UniqueName("carol");
        await client.SignUpAsync(new SignUpRequest { ClientId = pool.ClientId, Username = username, Password = CognitoLocalFixture.DefaultPassword, UserAttributes = [new AttributeType { Name = "email", Value = "carol@example.com" }] });
        await client.AdminConfirmSignUpAsync(new AdminConfirmSignUpRequest { UserPoolId = pool.UserPoolId, Username = username });
        var user = await client.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = pool.UserPoolId, Username = username });
        Assert.Equal("CONFIRMED", user.UserStatus);
    }

    [Fact]
    public async Task Users_groups_and_membership()
    {
        var pool = await cognito.CreatePoolAsync();
        var admin = cognito.CreateClient(pool.UserPoolId);
        var alice = await cognito.CreateUserAsync(pool, email: "alice@example.com");
        var bob = await cognito.CreateUserAsync(pool, email: "bob@example.com");

        var group = await admin.CreateGroupAsync(new CreateGroupRequest { UserPoolId = pool.UserPoolId, GroupName = "admins", Description = "Administrators", Precedence = 1 });
        Assert.Equal("admins", group.Group!.GroupName);
        await admin.CreateGroupAsync(new CreateGroupRequest { UserPoolId = pool.UserPoolId, GroupName = "readers" });
        var got = await admin.GetGroupAsync(new GetGroupRequest { UserPoolId = pool.UserPoolId, GroupName = "admins" });
        Assert.Equal("Administrators", got.Group!.Description);
        Assert.Equal(1, got.Group.Precedence);

        var groups = await admin.ListGroupsAllAsync(new ListGroupsRequest { UserPoolId = pool.UserPoolId }).ToListAsync();
        Assert.Equal(["admins", "readers"], groups.Select(g => g.GroupName).Order());

        await admin.AdminAddUserToGroupAsync(new AdminAddUserToGroupRequest { UserPoolId = pool.UserPoolId, Username = alice, GroupName = "admins" });
        await admin.AdminAddUserToGroupAsync(new AdminAddUserToGroupRequest { UserPoolId = pool.UserPoolId, Username = alice, GroupName = "readers" });
        await admin.AdminAddUserToGroupAsync(new AdminAddUserToGroupRequest { UserPoolId = pool.UserPoolId, Username = bob, GroupName = "readers" });

        var aliceGroups = await admin.AdminListGroupsForUserAllAsync(new AdminListGroupsForUserRequest { UserPoolId = pool.UserPoolId, Username = alice }).ToListAsync();
        Assert.Equal(["admins", "readers"], aliceGroups.Select(g => g.GroupName).Order());
        var readers = await admin.ListUsersInGroupAllAsync(new ListUsersInGroupRequest { UserPoolId = pool.UserPoolId, GroupName = "readers" }).ToListAsync();
        Assert.Equal(new[] { alice, bob }.Order(), readers.Select(u => u.Username).Order());

        await admin.AdminRemoveUserFromGroupAsync(new AdminRemoveUserFromGroupRequest { UserPoolId = pool.UserPoolId, Username = alice, GroupName = "readers" });
        aliceGroups = await admin.AdminListGroupsForUserAllAsync(new AdminListGroupsForUserRequest { UserPoolId = pool.UserPoolId, Username = alice }).ToListAsync();
        Assert.Equal(["admins"], aliceGroups.Select(g => g.GroupName));

        var users = await admin.ListUsersAllAsync(new ListUsersRequest { UserPoolId = pool.UserPoolId }).ToListAsync();
        Assert.Equal(new[] { alice, bob }.Order(), users.Select(u => u.Username).Order());
        var filtered = await admin.ListUsersAsync(new ListUsersRequest { UserPoolId = pool.UserPoolId, Filter = "email = \"bob@example.com\"" });
        Assert.Equal([bob], filtered.Users!.Select(u => u.Username));

        await admin.DeleteGroupAsync(new DeleteGroupRequest { UserPoolId = pool.UserPoolId, GroupName = "readers" });
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => admin.GetGroupAsync(new GetGroupRequest { UserPoolId = pool.UserPoolId, GroupName = "readers" }));
    }

    [Fact]
    public async Task Describe_pool_and_client()
    {
        var pool = await cognito.CreatePoolAsync(withSecret: true);
        var admin = cognito.CreateClient(pool.UserPoolId);
        var described = await admin.DescribeUserPoolAsync(new DescribeUserPoolRequest { UserPoolId = pool.UserPoolId });
        Assert.Equal(pool.UserPoolId, described.UserPool!.Id);
        var client = await admin.DescribeUserPoolClientAsync(new DescribeUserPoolClientRequest { UserPoolId = pool.UserPoolId, ClientId = pool.ClientId });
        Assert.Equal(pool.ClientSecret, client.UserPoolClient!.ClientSecret);
        Assert.DoesNotContain(pool.ClientSecret!, client.UserPoolClient.ToString(), StringComparison.Ordinal);
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => admin.DescribeUserPoolAsync(new DescribeUserPoolRequest { UserPoolId = "local_DoesNotExist1" }));
    }
}
