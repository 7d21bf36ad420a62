namespace Cognito.Testing.SrpFront;

/// <summary>A <see cref="UserCredential"/> as the front's credential file holds it. Its text form never shows the password.</summary>
internal sealed record SavedCredential(string UserPoolId, string Username, string Salt, string Verifier, string Password)
{
    public override string ToString() => $"SavedCredential {{ UserPoolId = {UserPoolId}, Username = {Username}, Password = *** }}";
}
