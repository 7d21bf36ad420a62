namespace Cognito.IdentityProvider.Srp.Arithmetic;

/// <summary>Chooses the arithmetic: OpenSSL's where it loads and passes its check, else the managed one.</summary>
internal static class SrpArithmetic
{
    /// <summary>
    /// An <see cref="AppContext"/> switch that keeps SRP off native code (set it in the project file
    /// with <c>&lt;RuntimeHostConfigurationOption&gt;</c> or with <c>AppContext.SetSwitch</c> at start-up).
    /// </summary>
    public const string DisableNativeSwitch = "Cognito.IdentityProvider.Srp.DisableNativeArithmetic";

    public static ISrpArithmetic Default => Selected.Value;

    internal static ISrpArithmetic Select(bool disableNative) =>
        disableNative ? ManagedSrpArithmetic.Instance : OpenSslSrpArithmetic.Instance ?? (ISrpArithmetic)ManagedSrpArithmetic.Instance;

    private static class Selected
    {
        public static readonly ISrpArithmetic Value = Select(AppContext.TryGetSwitch(DisableNativeSwitch, out var disabled) && disabled);
    }
}
