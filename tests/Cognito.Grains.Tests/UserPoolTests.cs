using Cognito.Client.Model;
using Cognito.IdentityProvider.Errors;

namespace Cognito.Grains.Tests;

/// <summary>warrant's pool operations through the UserPoolGrain: users, groups and membership, every page.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class UserPoolTests(GrainClusterFixture cluster)
{
    [Fact]
    public async Task Users_groups_and_membership()
    {
        var pool = cluster.UserPool("main");
        var alice = await cluster.NewUserAsync("main", email: $"alice-{Guid.NewGuid():N}@example.com");
        var bob = await cluster.NewUserAsync("main");
        await cluster.User("main", alice).AdminUpdateProfileAsync(new Dictionary<string, string> { ["given_name"] = "Alice" });

        var users = await pool.GetUsersAsync(new UserQuery(AttributeMap: new Dictionary<string, string> { ["given_name"] = "first_name" }));
        Assert.Contains(users, u => u.Username == alice && u["first_name"] == "Alice" && u.Enabled == true && u.UserStatus == "CONFIRMED");
        Assert.Contains(users, u => u.Username == bob);
        var filtered = await pool.GetUsersAsync(new UserQuery($"username = \"{alice}\""));
        Assert.Equal([alice], filtered.Select(u => u.Username));

        var group = $"g{Guid.NewGuid():N}"[..12];
        var created = await pool.CreateGroupAsync(new CognitoGroup(group, "Readers", 3));
        Assert.Equal(group, created.GroupName);
        var fetched = await pool.GetGroupAsync(group);
        Assert.Equal("Readers", fetched.Description);
        Assert.Equal(3, fetched.Precedence);
        Assert.Contains(await pool.GetGroupsAsync(), g => g.GroupName == group);

        await pool.AddUserToGroupAsync(alice, group);
        Assert.Equal([alice], (await pool.GetUsersInGroupAsync(group)).Select(u => u.Username));
        Assert.Equal([group], (await pool.GetGroupsForUserAsync(alice)).Select(g => g.GroupName));
        await pool.RemoveUserFromGroupAsync(alice, group);
        Assert.Empty(await pool.GetUsersInGroupAsync(group));

        await pool.DeleteGroupAsync(group);
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => pool.GetGroupAsync(group));
    }

    [Fact]
    public void Warrant_object_helpers()
    {
        var user = CognitoUser.FromAttributes(
            "bjones",
            [KeyValuePair.Create("sub", "abc"), KeyValuePair.Create("given_name", "Bob"), KeyValuePair.Create("custom:tier", "gold")],
            new Dictionary<string, string> { ["given_name"] = "first_name" },
            new CognitoUserMetadata(UserStatus: "CONFIRMED", Enabled: true));
        Assert.Equal("Bob", user["first_name"]);
        Assert.Equal("gold", user["custom:tier"]);
        Assert.Equal("abc", user.Sub);
        Assert.Equal("CONFIRMED", user.UserStatus);

        var group = CognitoGroup.FromData(new Dictionary<string, object?> { ["GroupName"] = "user_group", ["Description"] = "description", ["Precedence"] = 1 });
        Assert.Equal(new CognitoGroup("user_group", "description", 1), group);
        Assert.Throws<ArgumentException>(() => CognitoGroup.FromData(new Dictionary<string, object?>()));

        var registration = new Registration("pw", new Dictionary<string, string> { ["first_name"] = "Ann", ["email"] = "a@b.c" }, new Dictionary<string, string> { ["state"] = "virginia", ["custom:city"] = "Centreville" }, new Dictionary<string, string> { ["given_name"] = "first_name" });
        Assert.Equal(
            new Dictionary<string, string> { ["given_name"] = "Ann", ["email"] = "a@b.c", ["custom:state"] = "virginia", ["custom:city"] = "Centreville" },
            registration.CognitoAttributes());
        Assert.DoesNotContain("pw", registration.ToString(), StringComparison.Ordinal);
    }
}
