namespace Cognito.Testing.SrpFront;

/// <summary>
/// A login that is waiting on a cognito-local challenge (MFA, new password) under cognito-local's
/// Session: whose it is, and whether its tokens should come with NewDeviceMetadata.
/// </summary>
internal sealed record UpstreamLogin(string UserPoolId, string ClientId, string Username, bool IssueDevice);
