namespace Cognito.Testing.SrpFront;

/// <summary>
/// What the front needs of a user pool: which aliases may log in, its device configuration, and the
/// first factors USER_AUTH may offer (its <c>Policies.SignInPolicy.AllowedFirstAuthFactors</c>; Cognito's default is PASSWORD alone).
/// </summary>
public sealed record PoolInfo(string UserPoolId, IReadOnlyList<string> AliasAttributes, IReadOnlyList<string> UsernameAttributes, DeviceTrackingMode? DeviceConfiguration, IReadOnlyList<string>? AllowedFirstAuthFactors = null)
{
    /// <summary>The name SRP hashes in: the part of the pool id after the underscore.</summary>
    public string PoolName => PoolNameOf(UserPoolId);

    /// <summary>The region prefix of the pool id, which device keys start with.</summary>
    public string Region => UserPoolId[..Math.Max(0, UserPoolId.IndexOf('_', StringComparison.Ordinal))];

    /// <summary>Whether USER_AUTH may start with <paramref name="factor"/> (PASSWORD, EMAIL_OTP, SMS_OTP, WEB_AUTHN).</summary>
    public bool AllowsFirstFactor(string factor) =>
        (AllowedFirstAuthFactors is { Count: > 0 } allowed ? allowed : ["PASSWORD"]).Contains(factor, StringComparer.Ordinal);

    /// <summary>The pool-name part of <paramref name="userPoolId"/> (after the underscore), which SRP hashes.</summary>
    public static string PoolNameOf(string userPoolId) => userPoolId[(userPoolId.IndexOf('_', StringComparison.Ordinal) + 1)..];
}
