using Cognito.IdentityProvider.Srp.Arithmetic;

namespace Cognito.IdentityProvider.Srp;

/// <summary>
/// The client side of Cognito's SRP-6a (USER_SRP_AUTH → PASSWORD_VERIFIER, DEVICE_SRP_AUTH →
/// DEVICE_PASSWORD_VERIFIER) and the device verifiers of ConfirmDevice. Thread-safe: one instance
/// serves every login.
/// </summary>
/// <remarks>
/// The exponentiations run on OpenSSL's libcrypto where it can be loaded (Linux, where .NET itself
/// uses it) and on <see cref="System.Numerics.BigInteger"/> elsewhere, with identical results;
/// the native path takes a few milliseconds per login, the managed one about 50. The AppContext
/// switch <c>Cognito.IdentityProvider.Srp.DisableNativeArithmetic</c> forces the managed path.
/// </remarks>
public sealed class CognitoSrp
{
    private readonly TimeProvider _clock;
    private readonly ISrpArithmetic _arithmetic;

    /// <summary>Uses the system clock.</summary>
    public CognitoSrp()
        : this(TimeProvider.System)
    {
    }

    /// <param name="clock">Source of the answers' <c>TIMESTAMP</c>; Cognito rejects one too far from its own clock.</param>
    public CognitoSrp(TimeProvider clock)
        : this(clock, SrpArithmetic.Default)
    {
    }

    internal CognitoSrp(TimeProvider clock, ISrpArithmetic arithmetic)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(arithmetic);
        _clock = clock;
        _arithmetic = arithmetic;
    }

    internal ISrpArithmetic Arithmetic => _arithmetic;

    /// <summary>
    /// Starts a login round with a fresh 128-byte ephemeral a from the CSPRNG and A = g^a mod N
    /// (one exponentiation, well under a millisecond on the native path).
    /// </summary>
    public SrpAttempt StartAttempt() => new(_arithmetic, _clock, SrpCalculator.NewEphemeral());

    /// <summary>
    /// A new device password, 16-byte salt and verifier for ConfirmDevice after a login returned
    /// <c>NewDeviceMetadata</c>: x = H(pad(salt) ‖ H(deviceGroupKey ‖ deviceKey ‖ ":" ‖ password)),
    /// verifier = pad(g^x mod N).
    /// </summary>
    public DeviceVerifier CreateDeviceVerifier(string deviceGroupKey, string deviceKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(deviceGroupKey);
        ArgumentException.ThrowIfNullOrEmpty(deviceKey);
        return SrpCalculator.CreateDeviceVerifier(_arithmetic, deviceGroupKey, deviceKey, SrpCalculator.NewDevicePassword(), SrpCalculator.NewDeviceSalt());
    }
}
