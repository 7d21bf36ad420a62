namespace Cognito.Testing.Tools;

/// <summary>AWS's own JavaScript client, the reference our SRP is proven against, pinned to one version.</summary>
public static class AwsJsClientPackage
{
    public const string Name = "amazon-cognito-identity-js";
    public const string Version = "6.3.21";

    /// <summary>The npm install prefix, installing the package on first use.</summary>
    public static Task<string> InstallAsync(CancellationToken cancellationToken = default) =>
        NpmPackages.EnsureInstalledAsync(Name, Version, cancellationToken: cancellationToken);
}
