namespace Cognito.AspNetCore.Sessions;

/// <summary>
/// The request's session cookie named a session whose grain accepted its id and still holds tokens,
/// whether or not its ID token could be verified this time (the pool's keys unreachable, say).
/// Only sign-out uses it: "sign out everywhere" must reach the session even when the request is not
/// signed in for any other purpose, rather than delete the cookie and leave the other devices on.
/// </summary>
internal sealed record ProvenCognitoSession(CognitoSession Session);
