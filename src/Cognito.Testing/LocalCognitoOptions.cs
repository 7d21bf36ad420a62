using Cognito.Testing.SrpFront;

namespace Cognito.Testing;

/// <summary>How <see cref="LocalCognito.StartAsync"/> starts the emulator and its front.</summary>
public sealed record LocalCognitoOptions
{
    /// <summary>
    /// Where the emulator keeps its pools, clients and users (and the front its SRP verifiers), kept
    /// after it stops so a later start finds them; null uses a temporary directory deleted on dispose.
    /// </summary>
    public string? DataDirectory { get; init; }

    /// <summary>The front's settings (its <see cref="SrpFrontOptions.Port"/>: 0 for a free port). Its credential file is set from <see cref="DataDirectory"/>.</summary>
    public SrpFrontOptions Front { get; init; } = new();

    /// <summary>Hears a line before and after the first-use npm install of cognito-local (~20 s).</summary>
    public IProgress<string>? Progress { get; init; }
}
