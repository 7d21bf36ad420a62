using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Cognito.Density;

/// <summary>
/// What a fetch's string round trip costs on the silo: the held UTF-8 tokens decoded into three
/// strings (what the grain hands to Orleans) and encoded back to UTF-8 (what Orleans writes), with
/// the allocations and the garbage collections they cause. A codec that wrote the held bytes
/// straight to the wire would save at most this much per call.
/// </summary>
public static class DecodeRun
{
    public static void Run(int count)
    {
        using var key = RSA.Create(2048);
        var sample = new TokenMinter(key).Mint("d0", TimeSpan.FromHours(1));
        byte[][] held = [Encoding.UTF8.GetBytes(sample.AccessToken), Encoding.UTF8.GetBytes(sample.IdToken!), Encoding.UTF8.GetBytes(sample.RefreshToken!)];
        var wire = new byte[8192];
        long sink = 0;
        for (var pass = 0; pass < 2; pass++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < count; i++)
            {
                var written = 0;
                foreach (var utf8 in held)
                {
                    var text = Encoding.UTF8.GetString(utf8);
                    written += Encoding.UTF8.GetBytes(text, wire.AsSpan(written));
                }

                sink += written;
            }

            var spent = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            if (pass == 1)
            {
                Console.WriteLine($"decode + encode of the three tokens: {spent.TotalMicroseconds / count:0.00} µs CPU and {(GC.GetAllocatedBytesForCurrentThread() - allocated) / count} B allocated per fetch ({sink / (2L * count)} B on the wire)");
            }
        }
    }
}
