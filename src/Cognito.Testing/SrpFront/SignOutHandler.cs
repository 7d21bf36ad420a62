namespace Cognito.Testing.SrpFront;

/// <summary>GlobalSignOut and AdminUserGlobalSignOut, which cognito-local lacks: the user's tokens issued so far stop working.</summary>
internal sealed class SignOutHandler(FrontState state)
{
    public async Task<FrontReply> HandleAsync(FrontRequest request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        if (request.IsAdmin)
        {
            var pool = body.Required("UserPoolId");
            var username = await state.Users.FindAsync(pool, body.Required("Username"), cancellationToken) ?? throw CognitoFault.UserNotFound();
            state.Ledger.SignOut(pool, username);
        }
        else
        {
            var claims = TokenClaims.TryRead(body.Required("AccessToken"));
            if (claims is not { UserPoolId: { } pool, Username: { } username })
            {
                throw CognitoFault.NotAuthorized("Invalid Access Token");
            }

            state.Ledger.SignOut(pool, username);
        }

        return FrontReply.Empty();
    }
}
