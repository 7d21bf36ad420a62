using System.Buffers.Text;
using Cognito.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Cognito.Grains.Tests.Durable;

/// <summary>
/// Plaintexts of stored forms as earlier code wrote them, frozen here as bytes: never regenerate
/// them, add new ones. Each is protected with the running silo's key ring and put in the envelope
/// of its version, as the silo that wrote it would have.
/// </summary>
internal static class FrozenRecords
{
    public const string ShapeV1Username = "frozen-user-v1";
    public const string ShapeV1AccessToken = "frozen-access-token-v1";

    /// <summary>
    /// Envelope version 1, of an older shape: Username [Id 0], Tokens [Id 2] (access and id token,
    /// no refresh token, expiring 2100-01-01, "Bearer"), and a field [Id 9] that today's state does not
    /// have; no challenge, device or owner fields.
    /// </summary>
    public static readonly byte[] ShapeV1 = Convert.FromBase64String("IEAdZnJvemVuLXVzZXItdjEi6EAtZnJvemVuLWFjY2Vzcy10b2tlbi12MUElZnJvemVuLWlkLXRva2VuLXYxwQEhgAAA25l6PzEJgQAAAAAAAAAA4EENQmVhcmVy4EcPP2EgZmllbGQgYSBsYXRlciByZWxlYXNlIGRyb3BwZWTg");

    public static string Protect(RedisClusterFixture redis, byte[] plaintext)
    {
        var keyRing = redis.SiloServices.GetRequiredService<CognitoKeyRing>();
        var ciphertext = keyRing.Provider.CreateProtector(ProtectedGrainStorageSerializer.Purpose).Protect(plaintext);
        return "cognito-state/1:" + Base64Url.EncodeToString(ciphertext);
    }
}
