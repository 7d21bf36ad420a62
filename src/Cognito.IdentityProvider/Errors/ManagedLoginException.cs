namespace Cognito.IdentityProvider.Errors;

/// <summary>
/// Managed login's OAuth 2.0 endpoints refused a request. <see cref="CognitoException.ErrorCode"/>
/// is the OAuth error exactly as Cognito sent it (<c>invalid_grant</c>, <c>invalid_client</c>,
/// <c>invalid_request</c>, <c>unauthorized_client</c>, <c>unsupported_grant_type</c>, ...), or
/// <c>http_{status}</c> when the answer carried none.
/// </summary>
public sealed class ManagedLoginException : CognitoServiceException
{
    /// <summary>An OAuth error answer.</summary>
    public ManagedLoginException(string error, string message)
        : base(error, message)
    {
    }
}
