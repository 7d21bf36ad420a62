namespace Cognito.Testing.SrpFront;

/// <summary>
/// A refresh token the front handed out that cognito-local does not know, and the cognito-local
/// refresh token it stands for: a rotated token, or the token of a login finished through a
/// challenge (cognito-local never stores those, so they could not refresh otherwise).
/// </summary>
internal sealed record RefreshAlias(string UpstreamToken, string UserPoolId, string Username, long Sequence);
