namespace Cognito.Testing.SrpFront;

/// <summary>Who a login is for, decided as Cognito decides it for every flow the front serves.</summary>
internal sealed class LoginUsers(FrontState state)
{
    /// <summary>
    /// The user <paramref name="typed"/> names. A disabled user is refused; an unknown one is
    /// UserNotFoundException, or null when the client prevents user-existence errors (the login
    /// then goes on with a phantom that nothing can prove).
    /// </summary>
    public async Task<PoolUser?> ResolveAsync(PoolInfo pool, AppClientInfo client, string typed, CancellationToken cancellationToken)
    {
        var user = await state.Users.ResolveLoginAsync(pool, typed, cancellationToken);
        if (user is { Enabled: false })
        {
            // cognito-local would let a disabled user in; Cognito does not.
            throw state.Reject($"'{user.Username}' is disabled.", CognitoFault.NotAuthorized("User is disabled."));
        }

        if (user is null && !client.PreventUserExistenceErrors)
        {
            throw state.Reject($"No user '{typed}' in {pool.UserPoolId}.", CognitoFault.UserNotFound());
        }

        return user;
    }
}
