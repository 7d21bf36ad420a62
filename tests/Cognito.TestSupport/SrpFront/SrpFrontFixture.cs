using Cognito.Testing.CognitoLocal;

namespace Cognito.Testing.SrpFront;

/// <summary>
/// The kit's cognito-local and <see cref="SrpFront"/> for a test collection, with every client the
/// fixture makes — and so every pool, app client and user its helpers create — going through the
/// front, which therefore knows each user's password and can serve their SRP login.
/// Device tracking and refresh-token rotation are off unless a test turns them on for its own
/// pool or client (<see cref="SrpFront.TrackDevices"/>, <see cref="SrpFront.RotateRefreshTokens"/>).
/// </summary>
public class SrpFrontFixture : CognitoLocalFixture
{
    public SrpFront Front => Local.Front;

    public override Uri ServiceUrl => Front.Url;
}
