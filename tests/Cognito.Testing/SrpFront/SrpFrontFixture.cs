using Cognito.Testing.CognitoLocal;

namespace Cognito.Testing.SrpFront;

/// <summary>
/// One cognito-local and one <see cref="SrpFront"/> before it for a test collection. Every client
/// the fixture makes — and so every pool, app client and user its helpers create — goes through
/// the front, which therefore knows each user's password and can serve their SRP login.
/// Device tracking and refresh-token rotation are off unless a test turns them on for its own
/// pool or client (<see cref="SrpFront.TrackDevices"/>, <see cref="SrpFront.RotateRefreshTokens"/>).
/// </summary>
public class SrpFrontFixture : CognitoLocalFixture
{
    private SrpFront? _front;

    public SrpFront Front => _front ?? throw new InvalidOperationException("The SRP front is not started.");

    public override Uri ServiceUrl => Front.Url;

    /// <summary>The options the front starts with; override in a derived fixture to change them.</summary>
    protected virtual SrpFrontOptions FrontOptions => new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _front = await SrpFront.StartAsync(Server, FrontOptions);
    }

    public override async Task DisposeAsync()
    {
        if (_front is not null)
        {
            await _front.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
