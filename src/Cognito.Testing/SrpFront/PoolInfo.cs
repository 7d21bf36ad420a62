namespace Cognito.Testing.SrpFront;

/// <summary>What the front needs of a user pool: which aliases may log in, and its device configuration.</summary>
public sealed record PoolInfo(string UserPoolId, IReadOnlyList<string> AliasAttributes, IReadOnlyList<string> UsernameAttributes, DeviceTrackingMode? DeviceConfiguration)
{
    /// <summary>The name SRP hashes in: the part of the pool id after the underscore.</summary>
    public string PoolName => PoolNameOf(UserPoolId);

    /// <summary>The region prefix of the pool id, which device keys start with.</summary>
    public string Region => UserPoolId[..Math.Max(0, UserPoolId.IndexOf('_', StringComparison.Ordinal))];

    /// <summary>The pool-name part of <paramref name="userPoolId"/> (after the underscore), which SRP hashes.</summary>
    public static string PoolNameOf(string userPoolId) => userPoolId[(userPoolId.IndexOf('_', StringComparison.Ordinal) + 1)..];
}
