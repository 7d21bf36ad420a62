using System.Numerics;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Srp;

namespace Cognito.IdentityProvider.Tests.Srp;

public sealed class SrpEncodingTests
{
    [Fact]
    public void The_group_is_rfc_3526_group_15_with_generator_2_and_the_documented_k()
    {
        Assert.Equal(3072, (int)SrpGroup.N.GetBitLength());
        Assert.StartsWith("FFFFFFFFFFFFFFFFC90FDAA22168C234", Convert.ToHexString(SrpGroup.ModulusBigEndian));
        Assert.EndsWith("43DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF", Convert.ToHexString(SrpGroup.ModulusBigEndian));
        Assert.Equal(2, (int)SrpGroup.G);
        Assert.Equal("538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6", Convert.ToHexStringLower(SrpGroup.MultiplierBigEndian));
    }

    [Theory]
    [InlineData("", "00")]
    [InlineData("0000", "00")]
    [InlineData("7f", "7f")]
    [InlineData("80", "0080")]
    [InlineData("000080", "0080")]
    [InlineData("00017f", "017f")]
    [InlineData("ff00", "00ff00")]
    public void Pad_of_unsigned_bytes(string input, string expected) =>
        Assert.Equal(expected, Convert.ToHexStringLower(SrpEncoding.Pad(Convert.FromHexString(input))));

    [Theory]

    // The examples in the JS client's padHex documentation.
    [InlineData(-236, "ff14")]
    [InlineData(20, "14")]
    [InlineData(-200, "ff38")]
    [InlineData(56, "38")]
    [InlineData(-20, "ec")]
    [InlineData(236, "00ec")]
    [InlineData(-56, "c8")]
    [InlineData(200, "00c8")]
    [InlineData(-128, "80")]
    [InlineData(-129, "ff7f")]
    [InlineData(-1, "ff")]
    [InlineData(0, "00")]
    public void Pad_of_signed_integers_is_the_js_clients_two_complement(int value, string expected) =>
        Assert.Equal(expected, Convert.ToHexStringLower(SrpEncoding.Pad(new BigInteger(value))));

    [Theory]
    [InlineData("abc", 0xabc)]
    [InlineData("0ABC", 0xabc)]
    [InlineData("-8a", -0x8a)]
    [InlineData("-0", 0)]
    [InlineData("00000001", 1)]
    [InlineData("ff", 255)]
    public void Hex_reads_like_the_js_clients_big_integer(string text, long expected) =>
        Assert.Equal(new BigInteger(expected), SrpEncoding.ParseHex(text, "X"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("0x12")]
    [InlineData("12 34")]
    [InlineData("--12")]
    [InlineData("12-")]
    [InlineData("ghij")]
    public void Malformed_hex_is_a_protocol_error(string? text)
    {
        var error = Assert.Throws<CognitoProtocolException>(() => SrpEncoding.ParseHex(text, "SALT"));
        Assert.Contains("SALT", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "0")]
    [InlineData("000000", "0")]
    [InlineData("0abc", "abc")]
    [InlineData("000abc", "abc")]
    [InlineData("ABCD", "abcd")]
    [InlineData("0100", "100")]
    public void Hex_is_written_like_the_js_clients_to_string_16(string bytes, string expected) =>
        Assert.Equal(expected, SrpEncoding.ToHex(Convert.FromHexString(bytes)));

    [Fact]
    public void A_long_odd_hex_number_parses()
    {
        var digits = "f" + new string('0', 5001);
        Assert.Equal(BigInteger.Pow(2, 4 * 5001) * 15, SrpEncoding.ParseHex(digits, "SRP_B"));
    }
}
