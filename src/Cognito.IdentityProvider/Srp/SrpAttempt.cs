using System.Security.Cryptography;
using Cognito.IdentityProvider.Configuration;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Security;
using Cognito.IdentityProvider.Srp.Arithmetic;

namespace Cognito.IdentityProvider.Srp;

/// <summary>
/// One SRP login round, from <see cref="CognitoSrp.StartAttempt"/>: a fresh secret ephemeral a and
/// its public value <see cref="SrpA"/>. It answers one verifier challenge and then forgets a;
/// anything that goes wrong after that (a refused value, a rejected answer) means a new attempt,
/// never a second use of the same a. Thread-safe.
/// </summary>
/// <remarks>
/// a lives in a pinned array (the GC never leaves copies of it behind) that is wiped when the
/// challenge is answered or the attempt disposed. It appears in no property, message or
/// <see cref="ToString"/>.
/// </remarks>
public sealed class SrpAttempt : IDisposable
{
    private readonly ISrpArithmetic _arithmetic;
    private readonly TimeProvider _clock;
    private readonly byte[] _largeA;
    private byte[]? _secret;

    internal SrpAttempt(ISrpArithmetic arithmetic, TimeProvider clock, byte[] secret)
    {
        _arithmetic = arithmetic;
        _clock = clock;
        try
        {
            _largeA = SrpCalculator.ComputeLargeA(arithmetic, secret);
        }
        catch
        {
            CryptographicOperations.ZeroMemory(secret);
            throw;
        }

        _secret = secret;
        SrpA = SrpEncoding.ToHex(_largeA);
    }

    /// <summary>A = g^a mod N in lower-case hex: the <c>SRP_A</c> parameter.</summary>
    public string SrpA { get; }

    /// <summary>True once the attempt has answered its challenge or been disposed.</summary>
    public bool IsSpent => Volatile.Read(ref _secret) is null;

    /// <summary>
    /// The <c>AuthParameters</c> of InitiateAuth with <c>USER_SRP_AUTH</c>: <c>USERNAME</c>,
    /// <c>SRP_A</c>, <c>SECRET_HASH</c> (of the name as typed, which is what Cognito expects here)
    /// when the client has a secret, and <c>DEVICE_KEY</c> for a remembered device.
    /// </summary>
    public IReadOnlyDictionary<string, string> InitiateAuthParameters(string username, string? clientId = null, string? clientSecret = null, string? deviceKey = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SrpParameterNames.Username] = username,
            [SrpParameterNames.SrpA] = SrpA,
        };
        AddSecretHash(parameters, username, clientId, clientSecret);
        AddIfGiven(parameters, SrpParameterNames.DeviceKey, deviceKey);
        return parameters;
    }

    /// <summary>
    /// The <c>ChallengeResponses</c> answering <c>PASSWORD_VERIFIER</c>: <c>TIMESTAMP</c>,
    /// <c>USERNAME</c> (the challenge's, i.e. the internal username), <c>PASSWORD_CLAIM_SECRET_BLOCK</c>,
    /// <c>PASSWORD_CLAIM_SIGNATURE</c>, <c>SECRET_HASH</c> (of the internal username) when
    /// <paramref name="clientSecret"/> is given, and <c>DEVICE_KEY</c> when <paramref name="deviceKey"/> is.
    /// </summary>
    /// <param name="challengeParameters">The challenge's <c>ChallengeParameters</c> as received.</param>
    /// <param name="userPoolId">The pool; the part after '_' enters the hashes.</param>
    /// <param name="password">The user's password.</param>
    /// <param name="clientId">The app client id; needed with a secret.</param>
    /// <param name="clientSecret">The app client's secret, if it has one.</param>
    /// <param name="deviceKey">The key of a remembered device, to be offered for device login.</param>
    /// <exception cref="CognitoSrpException">B ≡ 0 (mod N) or u = 0.</exception>
    /// <exception cref="CognitoProtocolException">A parameter is missing or malformed.</exception>
    /// <exception cref="InvalidOperationException">The attempt has already answered a challenge.</exception>
    public IReadOnlyDictionary<string, string> RespondToPasswordVerifier(
        IReadOnlyDictionary<string, string> challengeParameters,
        UserPoolId userPoolId,
        string password,
        string? clientId = null,
        string? clientSecret = null,
        string? deviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (userPoolId.PoolName is null)
        {
            throw new ArgumentException("The user pool id is empty.", nameof(userPoolId));
        }

        RequireClientIdWithSecret(clientId, clientSecret);
        var challenge = SrpChallenge.Parse(challengeParameters, SrpParameterNames.PasswordVerifierChallenge);
        var userId = challenge.RequireUserIdForSrp(SrpParameterNames.PasswordVerifierChallenge);
        var username = challenge.Username
            ?? throw new CognitoProtocolException($"The {SrpParameterNames.PasswordVerifierChallenge} challenge has no {SrpParameterNames.Username}.");
        var responses = Answer(challenge, userPoolId.PoolName, userId, password, username, clientId, clientSecret);
        AddIfGiven(responses, SrpParameterNames.DeviceKey, deviceKey);
        return responses;
    }

    /// <summary>
    /// The <c>ChallengeResponses</c> answering <c>DEVICE_SRP_AUTH</c> (use a new attempt for the
    /// device round, not the one of the password round): <c>USERNAME</c>, <c>DEVICE_KEY</c>,
    /// <c>SRP_A</c>, and <c>SECRET_HASH</c> of <paramref name="username"/> when the client has a secret.
    /// </summary>
    /// <param name="username">The internal username (the previous challenge's <c>USERNAME</c>).</param>
    public IReadOnlyDictionary<string, string> RespondToDeviceSrpAuth(string username, string deviceKey, string? clientId = null, string? clientSecret = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentException.ThrowIfNullOrEmpty(deviceKey);
        RequireClientIdWithSecret(clientId, clientSecret);
        var responses = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SrpParameterNames.Username] = username,
            [SrpParameterNames.DeviceKey] = deviceKey,
            [SrpParameterNames.SrpA] = SrpA,
        };
        AddSecretHash(responses, username, clientId, clientSecret);
        return responses;
    }

    /// <summary>
    /// The <c>ChallengeResponses</c> answering <c>DEVICE_PASSWORD_VERIFIER</c>: the same maths as the
    /// password round with the device group key in place of the pool name, the device key in place
    /// of the user id and the device password; the answer carries <c>DEVICE_KEY</c>.
    /// </summary>
    /// <param name="challengeParameters">The challenge's <c>ChallengeParameters</c> as received.</param>
    /// <param name="device">The remembered device.</param>
    /// <param name="username">
    /// The internal username, used for <c>USERNAME</c> and <c>SECRET_HASH</c> only when the challenge
    /// does not name it itself.
    /// </param>
    /// <param name="clientId">The app client id; needed with a secret.</param>
    /// <param name="clientSecret">The app client's secret, if it has one.</param>
    public IReadOnlyDictionary<string, string> RespondToDevicePasswordVerifier(
        IReadOnlyDictionary<string, string> challengeParameters,
        DeviceSecrets device,
        string? username = null,
        string? clientId = null,
        string? clientSecret = null)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentException.ThrowIfNullOrEmpty(device.DeviceKey, nameof(device));
        ArgumentException.ThrowIfNullOrEmpty(device.DeviceGroupKey, nameof(device));
        ArgumentException.ThrowIfNullOrEmpty(device.DevicePassword, nameof(device));
        RequireClientIdWithSecret(clientId, clientSecret);
        var challenge = SrpChallenge.Parse(challengeParameters, SrpParameterNames.DevicePasswordVerifierChallenge);
        var internalUsername = challenge.Username ?? (string.IsNullOrEmpty(username)
            ? throw new CognitoProtocolException($"The {SrpParameterNames.DevicePasswordVerifierChallenge} challenge has no {SrpParameterNames.Username} and none was given.")
            : username);
        var responses = Answer(challenge, device.DeviceGroupKey, device.DeviceKey, device.DevicePassword, internalUsername, clientId, clientSecret);
        responses[SrpParameterNames.DeviceKey] = device.DeviceKey;
        return responses;
    }

    /// <summary>Wipes a if the attempt has not used it yet.</summary>
    public void Dispose()
    {
        var secret = Interlocked.Exchange(ref _secret, null);
        if (secret is not null)
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>Never prints a secret value of the attempt.</summary>
    public override string ToString() => $"SrpAttempt {{ SrpA = {SrpA[..Math.Min(16, SrpA.Length)]}…, IsSpent = {IsSpent} }}";

    /// <summary>Runs the computation with a, which is wiped afterwards whatever happens.</summary>
    internal SrpComputation Compute(SrpChallenge challenge, string poolName, string userId, string password)
    {
        var secret = Interlocked.Exchange(ref _secret, null)
            ?? throw new InvalidOperationException("This SRP attempt has already answered a challenge (or was disposed); start a new attempt.");
        try
        {
            var timestamp = SrpTimestamp.Format(_clock.GetUtcNow());
            return SrpCalculator.Compute(_arithmetic, secret, _largeA, challenge.SrpB, challenge.Salt, challenge.SecretBlock, poolName, userId, password, timestamp);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    private Dictionary<string, string> Answer(SrpChallenge challenge, string poolName, string userId, string password, string username, string? clientId, string? clientSecret)
    {
        var computation = Compute(challenge, poolName, userId, password);
        computation.ClearSecrets();
        var responses = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SrpParameterNames.Timestamp] = computation.Timestamp,
            [SrpParameterNames.Username] = username,
            [SrpParameterNames.PasswordClaimSecretBlock] = challenge.SecretBlock,
            [SrpParameterNames.PasswordClaimSignature] = computation.Signature,
        };
        AddSecretHash(responses, username, clientId, clientSecret);
        return responses;
    }

    private static void AddSecretHash(Dictionary<string, string> parameters, string username, string? clientId, string? clientSecret)
    {
        if (!string.IsNullOrEmpty(clientSecret))
        {
            parameters[SrpParameterNames.SecretHash] = SecretHash.Compute(username, clientId!, clientSecret);
        }
    }

    private static void AddIfGiven(Dictionary<string, string> parameters, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parameters[name] = value;
        }
    }

    private static void RequireClientIdWithSecret(string? clientId, string? clientSecret)
    {
        if (!string.IsNullOrEmpty(clientSecret) && string.IsNullOrEmpty(clientId))
        {
            throw new ArgumentException("A client secret needs its client id: SECRET_HASH hashes both.", nameof(clientId));
        }
    }
}
