namespace Cognito.Client.Model;

/// <summary>A group as warrant's <c>GroupObj</c> shows it.</summary>
[GenerateSerializer, Immutable, Alias("Cognito.CognitoGroup")]
public sealed record CognitoGroup(
    [property: Id(0)] string GroupName,
    [property: Id(1)] string? Description = null,
    [property: Id(2)] int? Precedence = null,
    [property: Id(3)] string? RoleArn = null,
    [property: Id(4)] DateTimeOffset? CreatedAt = null,
    [property: Id(5)] DateTimeOffset? ModifiedAt = null)
{
    /// <summary>warrant's <c>get_group_obj</c>: a group from the data Cognito returns (GroupName, Description, Precedence, RoleArn...).</summary>
    public static CognitoGroup FromData(IReadOnlyDictionary<string, object?> groupData)
    {
        ArgumentNullException.ThrowIfNull(groupData);
        string? Text(string key) => groupData.TryGetValue(key, out var v) ? v?.ToString() : null;
        int? precedence = groupData.TryGetValue("Precedence", out var p) && p is not null ? Convert.ToInt32(p, System.Globalization.CultureInfo.InvariantCulture) : null;
        var name = Text("GroupName") ?? throw new ArgumentException("Group data needs a GroupName.", nameof(groupData));
        return new CognitoGroup(name, Text("Description"), precedence, Text("RoleArn"));
    }
}
