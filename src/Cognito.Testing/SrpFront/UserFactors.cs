namespace Cognito.Testing.SrpFront;

/// <summary>
/// Which first factors a user can sign in with (GetUserAuthFactors' ConfiguredUserAuthFactors,
/// and what SELECT_CHALLENGE offers): those the pool allows that the user has — a password, a
/// verified email or phone number, a passkey on a pool with a relying party.
/// </summary>
internal static class UserFactors
{
    public static IReadOnlyList<string> Of(FrontState state, PoolInfo pool, PoolUser user)
    {
        var factors = new List<string>();
        if (pool.AllowsFirstFactor("PASSWORD") && state.Credentials.Get(pool.UserPoolId, user.Username) is not null)
        {
            factors.Add("PASSWORD");
        }

        if (pool.AllowsFirstFactor("EMAIL_OTP") && user.HasVerified("email"))
        {
            factors.Add("EMAIL_OTP");
        }

        if (pool.AllowsFirstFactor("SMS_OTP") && user.HasVerified("phone_number"))
        {
            factors.Add("SMS_OTP");
        }

        if (pool.AllowsFirstFactor("WEB_AUTHN") && state.Directory.WebAuthnOf(pool.UserPoolId) is not null && state.Passkeys.List(pool.UserPoolId, user.Username).Count > 0)
        {
            factors.Add("WEB_AUTHN");
        }

        return factors;
    }

    /// <summary>The challenges SELECT_CHALLENGE names for these factors: a password can be sent (PASSWORD) or proven with SRP (PASSWORD_SRP).</summary>
    public static IReadOnlyList<string> Challenges(IEnumerable<string> factors) =>
        [.. factors.SelectMany(f => f == "PASSWORD" ? ["PASSWORD_SRP", "PASSWORD"] : new[] { f })];
}
