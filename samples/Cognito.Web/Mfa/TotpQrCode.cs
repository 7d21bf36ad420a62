using QRCoder;

namespace Cognito.Web.Mfa;

/// <summary>The otpauth:// URI an authenticator app scans (Key Uri Format), drawn as a PNG data URI, made on the server.</summary>
public static class TotpQrCode
{
    public const string Issuer = "CognitoOrleans sample";

    public static string Uri(string account, string secret) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(account)}?secret={secret}&issuer={System.Uri.EscapeDataString(Issuer)}&algorithm=SHA1&digits=6&period=30";

    public static string DataUri(string account, string secret)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Uri(account, secret), QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
