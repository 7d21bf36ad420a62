namespace Cognito.IdentityProvider.Errors;

/// <summary>The SRP-6a safety check that a <see cref="CognitoSrpException"/> reports as failed.</summary>
public enum SrpCheck
{
    /// <summary>The client's public value A is 0 mod N.</summary>
    ClientPublicValueZero = 1,

    /// <summary>The server's SRP_B is 0 mod N.</summary>
    ServerPublicValueZero = 2,

    /// <summary>The scrambling parameter u = H(pad(A) ‖ pad(B)) is 0.</summary>
    ScramblingParameterZero = 3,
}
