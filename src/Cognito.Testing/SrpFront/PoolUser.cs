namespace Cognito.Testing.SrpFront;

/// <summary>A user as cognito-local lists it: the internal username, and whether it is enabled.</summary>
internal sealed record PoolUser(string Username, bool Enabled);
