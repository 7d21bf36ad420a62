using System.Diagnostics;
using System.Security.Cryptography;
using Cognito.IdentityProvider.Tokens;

namespace Cognito.Density;

/// <summary>
/// What one sign-in's two RS256 verifications cost on their own: the pool's verifier, built as the
/// silo builds it, verifying the minter's access and ID tokens on one thread.
/// </summary>
public static class VerifyRun
{
    public static async Task RunAsync(int count)
    {
        using var key = RSA.Create(2048);
        var minter = new TokenMinter(key);
        var options = new CognitoTokenVerifierOptions { UserPoolId = TokenMinter.PoolId, Issuer = TokenMinter.Issuer, Jwks = minter.Jwks() };
        options.ClientIds.Add(TokenMinter.ClientId);
        var verifier = new CognitoTokenVerifier(options);
        var tokens = DensityRun.Mint(minter, "v", 0, count);
        foreach (var t in tokens.Take(100))
        {
            await verifier.VerifyAccessTokenAsync(t.AccessToken);
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        foreach (var t in tokens)
        {
            await verifier.VerifyAccessTokenAsync(t.AccessToken);
            await verifier.VerifyIdTokenAsync(t.IdToken!);
        }

        watch.Stop();
        var spent = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        // For scale: the same two RS256 signature checks straight through .NET's RSA, nothing else.
        var signed = tokens.Select(t => Split(t.AccessToken)).Concat(tokens.Select(t => Split(t.IdToken!))).ToArray();
        var rawCpu = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var (data, signature) in signed)
        {
            if (!key.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            {
                throw new InvalidOperationException("A minted signature did not verify.");
            }
        }

        var raw = Process.GetCurrentProcess().TotalProcessorTime - rawCpu;
        Console.WriteLine($"RSA.VerifyData alone: {raw.TotalMicroseconds / count:0} µs CPU per pair");
        Console.WriteLine($"verify: {count} access + ID token pairs, {watch.Elapsed.TotalMicroseconds / count:0} µs wall, {spent.TotalMicroseconds / count:0} µs CPU per pair (one thread)");
    }

    private static (byte[] Data, byte[] Signature) Split(string jwt)
    {
        var dot = jwt.LastIndexOf('.');
        return (System.Text.Encoding.ASCII.GetBytes(jwt[..dot]), System.Buffers.Text.Base64Url.DecodeFromChars(jwt.AsSpan(dot + 1)));
    }
}
