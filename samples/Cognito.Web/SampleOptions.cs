namespace Cognito.Web;

/// <summary>
/// Which pool the sample signs users in to, and how its tokens are checked (section <c>Cognito</c>).
/// <c>dotnet run --project src/Cognito.Silo -- --local</c> prints these for its local pool.
/// </summary>
public sealed class SampleOptions
{
    public const string SectionName = "Cognito";

    /// <summary>The Data Protection application name every instance of the sample shares.</summary>
    public const string DataProtectionApplicationName = "CognitoOrleans.Sample";

    /// <summary>The pool's name in the silo's configuration.</summary>
    public string Pool { get; set; } = "main";

    /// <summary>The pool's token issuer (<c>https://cognito-idp.{region}.amazonaws.com/{poolId}</c>, or the local Cognito's).</summary>
    public string? Issuer { get; set; }

    /// <summary>The app client the silo signs in with; the only audience the sample accepts.</summary>
    public string? ClientId { get; set; }

    /// <summary>The silo's gateway on localhost.</summary>
    public int GatewayPort { get; set; } = 30000;
}
