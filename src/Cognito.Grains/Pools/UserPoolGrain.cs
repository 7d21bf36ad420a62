using Cognito.Client.Grains;
using Cognito.Client.Model;
using Cognito.Grains.Users;
using Cognito.IdentityProvider;
using Cognito.IdentityProvider.Model;
using Orleans.Concurrency;

namespace Cognito.Grains.Pools;

/// <summary>
/// A configured pool's users and groups. It keeps no state of its own, so it runs as a stateless
/// worker: listing a large pool on one silo never queues behind another caller's listing.
/// </summary>
[StatelessWorker]
internal sealed class UserPoolGrain(CognitoPoolRegistry pools) : Grain, IUserPoolGrain
{
    private CognitoPool? _pool;

    private CognitoPool Pool => _pool ??= pools.Get(this.GetPrimaryKeyString());

    public async Task<IReadOnlyList<CognitoUser>> GetUsersAsync(UserQuery? query = null, CancellationToken cancellationToken = default)
    {
        var users = new List<CognitoUser>();
        var request = new ListUsersRequest { UserPoolId = Pool.UserPoolId, Filter = query?.Filter, AttributesToGet = query?.AttributesToGet };
        await foreach (var user in Pool.Client.ListUsersAllAsync(request, cancellationToken))
        {
            users.Add(ModelMapping.User(user, query?.AttributeMap));
        }

        return users;
    }

    public async Task<CognitoGroup> GetGroupAsync(string groupName, CancellationToken cancellationToken = default)
    {
        var response = await Pool.Client.GetGroupAsync(new GetGroupRequest { UserPoolId = Pool.UserPoolId, GroupName = groupName }, cancellationToken);
        return ModelMapping.Group(response.Group ?? new GroupType { GroupName = groupName });
    }

    public async Task<IReadOnlyList<CognitoGroup>> GetGroupsAsync(CancellationToken cancellationToken = default)
    {
        var groups = new List<CognitoGroup>();
        await foreach (var group in Pool.Client.ListGroupsAllAsync(new ListGroupsRequest { UserPoolId = Pool.UserPoolId }, cancellationToken))
        {
            groups.Add(ModelMapping.Group(group));
        }

        return groups;
    }

    public async Task<CognitoGroup> CreateGroupAsync(CognitoGroup group, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        var response = await Pool.Client.CreateGroupAsync(new CreateGroupRequest
        {
            UserPoolId = Pool.UserPoolId,
            GroupName = group.GroupName,
            Description = group.Description,
            Precedence = group.Precedence,
            RoleArn = group.RoleArn,
        }, cancellationToken);
        return ModelMapping.Group(response.Group ?? new GroupType { GroupName = group.GroupName });
    }

    public Task DeleteGroupAsync(string groupName, CancellationToken cancellationToken = default) =>
        Pool.Client.DeleteGroupAsync(new DeleteGroupRequest { UserPoolId = Pool.UserPoolId, GroupName = groupName }, cancellationToken);

    public async Task<IReadOnlyList<CognitoUser>> GetUsersInGroupAsync(string groupName, IReadOnlyDictionary<string, string>? attributeMap = null, CancellationToken cancellationToken = default)
    {
        var users = new List<CognitoUser>();
        await foreach (var user in Pool.Client.ListUsersInGroupAllAsync(new ListUsersInGroupRequest { UserPoolId = Pool.UserPoolId, GroupName = groupName }, cancellationToken))
        {
            users.Add(ModelMapping.User(user, attributeMap));
        }

        return users;
    }

    public async Task<IReadOnlyList<CognitoGroup>> GetGroupsForUserAsync(string username, CancellationToken cancellationToken = default)
    {
        var groups = new List<CognitoGroup>();
        await foreach (var group in Pool.Client.AdminListGroupsForUserAllAsync(new AdminListGroupsForUserRequest { UserPoolId = Pool.UserPoolId, Username = username }, cancellationToken))
        {
            groups.Add(ModelMapping.Group(group));
        }

        return groups;
    }

    public Task AddUserToGroupAsync(string username, string groupName, CancellationToken cancellationToken = default) =>
        Pool.Client.AdminAddUserToGroupAsync(new AdminAddUserToGroupRequest { UserPoolId = Pool.UserPoolId, Username = username, GroupName = groupName }, cancellationToken);

    public Task RemoveUserFromGroupAsync(string username, string groupName, CancellationToken cancellationToken = default) =>
        Pool.Client.AdminRemoveUserFromGroupAsync(new AdminRemoveUserFromGroupRequest { UserPoolId = Pool.UserPoolId, Username = username, GroupName = groupName }, cancellationToken);

    public async Task<string> NormalizeUsernameAsync(string username, CancellationToken cancellationToken = default) =>
        await Pool.NormalizeAsync(username, cancellationToken);
}
