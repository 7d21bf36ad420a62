using Cognito.IdentityProvider.Srp;

namespace Cognito.IdentityProvider.Tests.Srp;

public sealed class DeviceVerifierTests
{
    [Fact]
    public void Device_salts_never_look_negative_and_pad_leaves_them_as_they_are()
    {
        for (var i = 0; i < 20_000; i++)
        {
            var salt = SrpCalculator.NewDeviceSalt();
            Assert.Equal(16, salt.Length);
            Assert.InRange(salt[0], 1, 0x7F);
            Assert.Equal(salt, SrpEncoding.Pad(salt));
        }
    }

    [Fact]
    public void New_device_verifiers_are_fresh_positive_and_consistent()
    {
        var srp = new CognitoSrp(TimeProvider.System, TestArithmetics.Native);
        var passwords = new HashSet<string>();
        var salts = new HashSet<string>();
        for (var i = 0; i < 300; i++)
        {
            var verifier = srp.CreateDeviceVerifier("-groupKey", "eu-west-1_device");
            var salt = Convert.FromBase64String(verifier.Salt);
            var value = Convert.FromBase64String(verifier.PasswordVerifier);
            Assert.Equal(16, salt.Length);
            Assert.True(salt[0] < 0x80);
            Assert.True(value[0] < 0x80, "a verifier whose top bit is set must carry pad's 00 byte");
            Assert.Equal(value, SrpEncoding.Pad(value));
            Assert.Equal(40, Convert.FromBase64String(verifier.DevicePassword).Length);
            Assert.True(passwords.Add(verifier.DevicePassword));
            Assert.True(salts.Add(verifier.Salt));

            // The verifier is g^x for the x the device round will use.
            var x = SrpProof.PrivateKey(salt, "-groupKey", "eu-west-1_device", verifier.DevicePassword);
            Assert.Equal(value, SrpEncoding.Pad(TestArithmetics.Native.PowG(x)));
        }
    }

    [Fact]
    public void The_device_key_is_the_user_id_and_the_group_key_the_pool_name()
    {
        byte[] salt = [0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88];
        var verifier = SrpCalculator.CreateDeviceVerifier(TestArithmetics.Native, "-group", "eu-west-1_device", "pw", salt);
        var x = SrpProof.PrivateKey(salt, "-group", "eu-west-1_device", "pw");
        Assert.Equal(Convert.ToBase64String(SrpEncoding.Pad(TestArithmetics.Managed.PowG(x))), verifier.PasswordVerifier);
        Assert.NotEqual(verifier.PasswordVerifier, SrpCalculator.CreateDeviceVerifier(TestArithmetics.Native, "-group", "username", "pw", salt).PasswordVerifier);
    }

    [Fact]
    public void The_record_hides_the_password_and_maps_to_confirm_device()
    {
        var verifier = new DeviceVerifier("device-password", "dmVyaWZpZXI=", "c2FsdA==");
        Assert.DoesNotContain("device-password", verifier.ToString(), StringComparison.Ordinal);
        Assert.Contains("dmVyaWZpZXI=", verifier.ToString(), StringComparison.Ordinal);
        var config = verifier.ToVerifierConfig();
        Assert.Equal("dmVyaWZpZXI=", config.PasswordVerifier);
        Assert.Equal("c2FsdA==", config.Salt);
    }
}
