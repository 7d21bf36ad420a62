using Cognito.Client.Model;

namespace Cognito.Client.Grains;

/// <summary>One configured user pool: its users and groups (warrant: get_users, get_group, get_groups; pycognito: group membership). Key: the pool's configured name.</summary>
[Alias("Cognito.IUserPoolGrain")]
public interface IUserPoolGrain : IGrainWithStringKey
{
    /// <summary>Every user matching the query, following every page.</summary>
    [Alias("GetUsers")]
    Task<IReadOnlyList<CognitoUser>> GetUsersAsync(UserQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>The group <paramref name="groupName"/> (GetGroup).</summary>
    [Alias("GetGroup")]
    Task<CognitoGroup> GetGroupAsync(string groupName, CancellationToken cancellationToken = default);

    /// <summary>Every group of the pool, following every page.</summary>
    [Alias("GetGroups")]
    Task<IReadOnlyList<CognitoGroup>> GetGroupsAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates <paramref name="group"/> (CreateGroup); <c>GroupExistsException</c> when the name is taken.</summary>
    [Alias("CreateGroup")]
    Task<CognitoGroup> CreateGroupAsync(CognitoGroup group, CancellationToken cancellationToken = default);

    /// <summary>Deletes the group <paramref name="groupName"/> (DeleteGroup); its users stay.</summary>
    [Alias("DeleteGroup")]
    Task DeleteGroupAsync(string groupName, CancellationToken cancellationToken = default);

    /// <summary>Every user in a group, following every page.</summary>
    [Alias("GetUsersInGroup")]
    Task<IReadOnlyList<CognitoUser>> GetUsersInGroupAsync(string groupName, IReadOnlyDictionary<string, string>? attributeMap = null, CancellationToken cancellationToken = default);

    /// <summary>Every group a user belongs to, following every page.</summary>
    [Alias("GetGroupsForUser")]
    Task<IReadOnlyList<CognitoGroup>> GetGroupsForUserAsync(string username, CancellationToken cancellationToken = default);

    /// <summary>Adds <paramref name="username"/> to <paramref name="groupName"/> (AdminAddUserToGroup).</summary>
    [Alias("AddUserToGroup")]
    Task AddUserToGroupAsync(string username, string groupName, CancellationToken cancellationToken = default);

    /// <summary>Removes <paramref name="username"/> from <paramref name="groupName"/> (AdminRemoveUserFromGroup).</summary>
    [Alias("RemoveUserFromGroup")]
    Task RemoveUserFromGroupAsync(string username, string groupName, CancellationToken cancellationToken = default);

    /// <summary>The canonical form of a username in this pool (case-folded when the pool compares usernames case-insensitively).</summary>
    [Alias("NormalizeUsername")]
    Task<string> NormalizeUsernameAsync(string username, CancellationToken cancellationToken = default);
}
