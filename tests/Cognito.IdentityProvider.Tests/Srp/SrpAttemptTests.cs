using Cognito.IdentityProvider.Configuration;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Security;
using Cognito.IdentityProvider.Srp;
using Microsoft.Extensions.Time.Testing;

namespace Cognito.IdentityProvider.Tests.Srp;

/// <summary>The public SRP surface: attempts, their answers' parameters, and the secret they hold.</summary>
public sealed class SrpAttemptTests
{
    private const string ClientId = "3n4b5urk1ft4fl3mg5e62d9ado";
    private const string ClientSecret = "client-secret";
    private static readonly UserPoolId Pool = UserPoolId.Parse("eu-west-1_AbC123");
    private static readonly DateTimeOffset Now = new(2025, 6, 3, 4, 5, 6, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Now);

    [Fact]
    public void An_attempt_sends_a_as_lower_case_hex_of_g_to_the_a()
    {
        var a = SrpCalculator.NewEphemeral();
        using var attempt = new SrpAttempt(TestArithmetics.Native, _clock, (byte[])a.Clone());
        Assert.Equal(SrpEncoding.ToHex(TestArithmetics.Managed.PowG(a)), attempt.SrpA);
        Assert.Matches("^[1-9a-f][0-9a-f]*$", attempt.SrpA);
    }

    [Fact]
    public void Every_attempt_draws_a_new_a()
    {
        var srp = new CognitoSrp(_clock, TestArithmetics.Native);
        var values = Enumerable.Range(0, 20).Select(_ => srp.StartAttempt().SrpA).ToHashSet();
        Assert.Equal(20, values.Count);
    }

    [Fact]
    public void The_secret_appears_nowhere_public()
    {
        var a = SrpCalculator.NewEphemeral();
        var hex = Convert.ToHexStringLower(a);
        using var attempt = new SrpAttempt(TestArithmetics.Native, _clock, (byte[])a.Clone());
        Assert.DoesNotContain(hex[..16], attempt.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(typeof(SrpAttempt).GetProperties(), p => p.PropertyType == typeof(byte[]));
        Assert.All(typeof(SrpAttempt).GetFields(), f => Assert.False(f.IsPublic));
    }

    [Fact]
    public void The_password_verifier_answer_has_exactly_the_expected_parameters()
    {
        var (attempt, a) = NewAttempt();
        var challenge = Challenge(username: "7b8f3f1e-internal", userIdForSrp: "7b8f3f1e-internal");
        var responses = attempt.RespondToPasswordVerifier(challenge, Pool, "Passw0rd!");

        Assert.Equal(["PASSWORD_CLAIM_SECRET_BLOCK", "PASSWORD_CLAIM_SIGNATURE", "TIMESTAMP", "USERNAME"], responses.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("7b8f3f1e-internal", responses["USERNAME"]);
        Assert.Equal(challenge["SECRET_BLOCK"], responses["PASSWORD_CLAIM_SECRET_BLOCK"]);
        Assert.Equal("Tue Jun 3 04:05:06 UTC 2025", responses["TIMESTAMP"]);
        Assert.Equal(Expected(a, challenge, "AbC123", "7b8f3f1e-internal", "Passw0rd!", responses["TIMESTAMP"]), responses["PASSWORD_CLAIM_SIGNATURE"]);
    }

    [Fact]
    public void The_signature_uses_user_id_for_srp_and_the_secret_hash_the_internal_username()
    {
        var (attempt, a) = NewAttempt();

        // The user typed an alias; Cognito names the user by USER_ID_FOR_SRP and USERNAME in the challenge.
        var challenge = Challenge(username: "internal-name", userIdForSrp: "srp-user-id");
        var responses = attempt.RespondToPasswordVerifier(challenge, Pool, "Passw0rd!", ClientId, ClientSecret, deviceKey: "eu-west-1_device");

        Assert.Equal("internal-name", responses["USERNAME"]);
        Assert.Equal(SecretHash.Compute("internal-name", ClientId, ClientSecret), responses["SECRET_HASH"]);
        Assert.NotEqual(SecretHash.Compute("alias@example.com", ClientId, ClientSecret), responses["SECRET_HASH"]);
        Assert.Equal("eu-west-1_device", responses["DEVICE_KEY"]);
        Assert.Equal(Expected(a, challenge, "AbC123", "srp-user-id", "Passw0rd!", responses["TIMESTAMP"]), responses["PASSWORD_CLAIM_SIGNATURE"]);
    }

    [Fact]
    public void The_timestamp_follows_the_injected_clock()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 1, 9, 23, 59, 59, TimeSpan.Zero));
        var (attempt, _) = NewAttempt();
        Assert.Equal("Fri Jan 9 23:59:59 UTC 2026", attempt.RespondToPasswordVerifier(Challenge(), Pool, "pw")["TIMESTAMP"]);
    }

    [Fact]
    public void An_attempt_answers_once()
    {
        var (attempt, _) = NewAttempt();
        attempt.RespondToPasswordVerifier(Challenge(), Pool, "pw");
        Assert.True(attempt.IsSpent);
        Assert.Throws<InvalidOperationException>(() => attempt.RespondToPasswordVerifier(Challenge(), Pool, "pw"));

        var (disposed, _) = NewAttempt();
        disposed.Dispose();
        Assert.True(disposed.IsSpent);
        Assert.Throws<InvalidOperationException>(() => disposed.RespondToPasswordVerifier(Challenge(), Pool, "pw"));
    }

    [Fact]
    public void The_secret_is_wiped_after_use()
    {
        var a = SrpCalculator.NewEphemeral();
        var attempt = new SrpAttempt(TestArithmetics.Native, _clock, a);
        attempt.RespondToPasswordVerifier(Challenge(), Pool, "pw");
        Assert.True(SrpEncoding.IsZero(a));

        var b = SrpCalculator.NewEphemeral();
        new SrpAttempt(TestArithmetics.Native, _clock, b).Dispose();
        Assert.True(SrpEncoding.IsZero(b));
    }

    [Theory]
    [InlineData("SALT")]
    [InlineData("SRP_B")]
    [InlineData("SECRET_BLOCK")]
    [InlineData("USER_ID_FOR_SRP")]
    [InlineData("USERNAME")]
    public void A_missing_parameter_is_a_protocol_error(string missing)
    {
        var (attempt, _) = NewAttempt();
        var challenge = Challenge();
        challenge.Remove(missing);
        var error = Assert.Throws<CognitoProtocolException>(() => attempt.RespondToPasswordVerifier(challenge, Pool, "pw"));
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SALT", "not hex")]
    [InlineData("SRP_B", "0xABC")]
    [InlineData("SECRET_BLOCK", "not base64!")]
    public void A_malformed_parameter_is_a_protocol_error(string name, string value)
    {
        var (attempt, _) = NewAttempt();
        var challenge = Challenge();
        challenge[name] = value;
        Assert.Throws<CognitoProtocolException>(() => attempt.RespondToPasswordVerifier(challenge, Pool, "pw"));
    }

    [Fact]
    public void A_secret_without_its_client_id_is_refused_before_the_attempt_is_spent()
    {
        var (attempt, _) = NewAttempt();
        Assert.Throws<ArgumentException>(() => attempt.RespondToPasswordVerifier(Challenge(), Pool, "pw", clientId: null, clientSecret: ClientSecret));
        Assert.False(attempt.IsSpent);
    }

    [Fact]
    public void Initiate_auth_parameters_hash_the_name_as_typed()
    {
        var (attempt, _) = NewAttempt();
        var parameters = attempt.InitiateAuthParameters("alias@example.com", ClientId, ClientSecret, "eu-west-1_device");
        Assert.Equal("alias@example.com", parameters["USERNAME"]);
        Assert.Equal(attempt.SrpA, parameters["SRP_A"]);
        Assert.Equal(SecretHash.Compute("alias@example.com", ClientId, ClientSecret), parameters["SECRET_HASH"]);
        Assert.Equal("eu-west-1_device", parameters["DEVICE_KEY"]);
        Assert.Equal(["SRP_A", "USERNAME"], attempt.InitiateAuthParameters("someone").Keys.Order(StringComparer.Ordinal));
        Assert.False(attempt.IsSpent);
    }

    [Fact]
    public void The_device_srp_auth_answer_sends_a_new_a_with_the_device_key()
    {
        var (attempt, _) = NewAttempt();
        var responses = attempt.RespondToDeviceSrpAuth("internal-name", "eu-west-1_device", ClientId, ClientSecret);
        Assert.Equal(["DEVICE_KEY", "SECRET_HASH", "SRP_A", "USERNAME"], responses.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(attempt.SrpA, responses["SRP_A"]);
        Assert.Equal("eu-west-1_device", responses["DEVICE_KEY"]);
        Assert.Equal(SecretHash.Compute("internal-name", ClientId, ClientSecret), responses["SECRET_HASH"]);
    }

    [Fact]
    public void The_device_password_verifier_uses_the_group_key_and_the_device_key_not_the_username()
    {
        var (attempt, a) = NewAttempt();
        var device = new DeviceSecrets("eu-west-1_4a7c1f2e-device", "-gRoUpKey1", "ZGV2aWNlIHBhc3N3b3Jk");
        var challenge = Challenge(username: "internal-name", userIdForSrp: null);
        var responses = attempt.RespondToDevicePasswordVerifier(challenge, device, clientId: ClientId, clientSecret: ClientSecret);

        Assert.Equal(["DEVICE_KEY", "PASSWORD_CLAIM_SECRET_BLOCK", "PASSWORD_CLAIM_SIGNATURE", "SECRET_HASH", "TIMESTAMP", "USERNAME"], responses.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(device.DeviceKey, responses["DEVICE_KEY"]);
        Assert.Equal("internal-name", responses["USERNAME"]);
        Assert.Equal(SecretHash.Compute("internal-name", ClientId, ClientSecret), responses["SECRET_HASH"]);
        var signature = responses["PASSWORD_CLAIM_SIGNATURE"];
        Assert.Equal(Expected(a, challenge, device.DeviceGroupKey, device.DeviceKey, device.DevicePassword, responses["TIMESTAMP"]), signature);

        // The peers' bug: the username (or the pool) in place of the device key or group key.
        Assert.NotEqual(Expected(a, challenge, device.DeviceGroupKey, "internal-name", device.DevicePassword, responses["TIMESTAMP"]), signature);
        Assert.NotEqual(Expected(a, challenge, "AbC123", device.DeviceKey, device.DevicePassword, responses["TIMESTAMP"]), signature);
    }

    [Fact]
    public void The_device_round_takes_the_username_given_when_the_challenge_has_none()
    {
        var device = new DeviceSecrets("eu-west-1_device", "-group", "password");
        var challenge = Challenge(username: null, userIdForSrp: null);
        var (attempt, _) = NewAttempt();
        Assert.Equal("fallback-name", attempt.RespondToDevicePasswordVerifier(challenge, device, "fallback-name")["USERNAME"]);

        var (another, _) = NewAttempt();
        Assert.Throws<CognitoProtocolException>(() => another.RespondToDevicePasswordVerifier(challenge, device));
    }

    [Fact]
    public void Device_secrets_hide_the_device_password_when_printed()
    {
        var text = new DeviceSecrets("eu-west-1_device", "-group", "very-secret-password").ToString();
        Assert.Contains("eu-west-1_device", text, StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret-password", text, StringComparison.Ordinal);
    }

    private (SrpAttempt Attempt, byte[] A) NewAttempt()
    {
        var a = SrpCalculator.NewEphemeral();
        return (new SrpAttempt(TestArithmetics.Native, _clock, (byte[])a.Clone()), a);
    }

    private static Dictionary<string, string> Challenge(string? username = "user", string? userIdForSrp = "user")
    {
        var parameters = new Dictionary<string, string>
        {
            ["SALT"] = "8d4b5c1f0e2a3b4c5d6e7f8091a2b3c4",
            ["SRP_B"] = Convert.ToHexStringLower(Enumerable.Range(0, 384).Select(i => (byte)(i * 37)).ToArray()),
            ["SECRET_BLOCK"] = Convert.ToBase64String(Enumerable.Range(0, 300).Select(i => (byte)i).ToArray()),
        };
        if (username is not null)
        {
            parameters["USERNAME"] = username;
        }

        if (userIdForSrp is not null)
        {
            parameters["USER_ID_FOR_SRP"] = userIdForSrp;
        }

        return parameters;
    }

    private static string Expected(byte[] a, Dictionary<string, string> challenge, string poolName, string userId, string password, string timestamp)
    {
        var arithmetic = TestArithmetics.Managed;
        return SrpCalculator.Compute(arithmetic, a, arithmetic.PowG(a), challenge["SRP_B"], challenge["SALT"], challenge["SECRET_BLOCK"], poolName, userId, password, timestamp).Signature;
    }
}
