using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Srp;
using Cognito.IdentityProvider.Srp.Arithmetic;

namespace Cognito.IdentityProvider.Tests.Srp;

/// <summary>
/// Every SRP value compared with AWS's own JS client (amazon-cognito-identity-js 6.3.21, run by
/// vectors.js): A, u, x, S, the HKDF key and the signature of 200 seeded random logins plus chosen
/// edge shapes (about 210 logins), device verifiers, and timestamps. One node process serves each test.
/// </summary>
public sealed class AwsClientVectorsTests
{
    private const int Seed = 20250507;
    private const int RandomLogins = 150; // with the edge cases, about 210 logins: ~30 s of the JS client's BigInteger
    private const int ManagedChecked = 12;

    private static readonly string[] Users = ["user-1", "ünïcødé", "用户名", "مستخدم", "🔐-emoji", "e\u0301-combining", "lone\uD800surrogate", "a b\tc"];
    private static readonly string[] Passwords = ["Passw0rd!", "pässwörd", "密码密码", "🔐🔑 keys", "e\u0301\u0301", "\uDC00lone", "", "x"];

    [Fact]
    public async Task Logins_match_the_aws_js_client_value_for_value()
    {
        var arithmetic = TestArithmetics.Native;
        var random = new Random(Seed);
        var cases = new List<LoginCase>();
        for (var i = 0; i < RandomLogins; i++)
        {
            cases.Add(RandomCase(random, $"random {i}"));
        }

        cases.AddRange(EdgeCases(random, arithmetic));
        var response = await AwsJsClient.RunAsync(new { logins = cases.Select(c => c.ToJson()).ToArray() });
        var logins = response["logins"]!.AsArray();
        Assert.Equal(cases.Count, logins.Count);

        var shapes = new Dictionary<string, int>();
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            var expected = logins[i]!.AsObject();
            var arithmetics = i < ManagedChecked ? new[] { arithmetic, ManagedSrpArithmetic.Instance } : [arithmetic];
            foreach (var backend in arithmetics)
            {
                if (expected["error"] is { } error)
                {
                    var refused = Assert.Throws<CognitoSrpException>(() => c.Compute(backend));
                    Assert.True(refused.Check == SrpCheck.ServerPublicValueZero, $"{c.Label}: JS refused with '{error}', we with {refused.Check}");
                    continue;
                }

                var ours = c.Compute(backend);
                var where = $"{c.Label} ({backend.Name})";
                Assert.True((string?)expected["A"] == SrpEncoding.ToHex(ours.LargeA), $"{where}: A");
                Assert.True((string?)expected["u"] == SrpEncoding.ToHex(ours.U), $"{where}: u");
                Assert.True((string?)expected["x"] == SrpEncoding.ToHex(ours.X), $"{where}: x");
                Assert.True((string?)expected["S"] == SrpEncoding.ToHex(ours.S), $"{where}: S");
                Assert.True((string?)expected["key"] == Convert.ToHexStringLower(ours.Key), $"{where}: key");
                Assert.True((string?)expected["signature"] == ours.Signature, $"{where}: signature");
                if (backend == arithmetic)
                {
                    CountShapes(shapes, c, ours);
                }
            }
        }

        // The edge shapes are only proven if they actually occurred.
        foreach (var shape in new[] { "A pad 00", "A odd hex", "A zero byte", "B pad 00", "B odd hex", "B negative", "B unreduced", "u pad 00", "u zero byte", "S pad 00", "S odd hex", "S zero byte", "x zero byte", "salt negative", "salt odd hex", "salt pad 00", "day 1-9" })
        {
            Assert.True(shapes.GetValueOrDefault(shape) > 0, $"no case had the shape '{shape}'");
        }
    }

    [Fact]
    public async Task Device_verifiers_match_the_aws_js_client()
    {
        var arithmetic = TestArithmetics.Native;
        var random = new Random(Seed + 1);
        var devices = Enumerable.Range(0, 60).Select(i => new
        {
            groupKey = "-" + RandomText(random, 9),
            deviceKey = $"eu-west-1_{Guid.NewGuid()}",
            // Lone surrogates are left out here only because JSON would carry them to node as U+FFFD.
            password = i % 5 == 4 ? Passwords[i % 5] + "-p" : Convert.ToBase64String(RandomBytes(random, 40)),
        }).ToArray();

        // Verifiers this library makes from scratch, checked with generateHashDevice's own lines.
        var srp = new CognitoSrp(TimeProvider.System, arithmetic);
        var ours = Enumerable.Range(0, 60).Select(i => (GroupKey: "-" + RandomText(random, 9), DeviceKey: $"us-east-1_{Guid.NewGuid()}")).ToArray();
        var made = ours.Select(d => srp.CreateDeviceVerifier(d.GroupKey, d.DeviceKey)).ToArray();

        var response = await AwsJsClient.RunAsync(new
        {
            devices,
            deviceSalts = ours.Select((d, i) => new
            {
                groupKey = d.GroupKey,
                deviceKey = d.DeviceKey,
                password = made[i].DevicePassword,
                salt = Convert.ToHexStringLower(Convert.FromBase64String(made[i].Salt)),
            }).ToArray(),
        });

        var fromJs = response["devices"]!.AsArray();
        for (var i = 0; i < devices.Length; i++)
        {
            var expected = fromJs[i]!.AsObject();
            var jsSalt = (string)expected["salt"]!;
            Assert.Equal(devices[i].password, (string?)expected["password"]);
            foreach (var backend in new[] { arithmetic, ManagedSrpArithmetic.Instance })
            {
                var verifier = SrpCalculator.CreateDeviceVerifier(backend, devices[i].groupKey, devices[i].deviceKey, devices[i].password, Convert.FromHexString(jsSalt));
                Assert.Equal((string?)expected["verifier"], Convert.ToHexStringLower(Convert.FromBase64String(verifier.PasswordVerifier)));
                Assert.Equal(jsSalt, Convert.ToHexStringLower(Convert.FromBase64String(verifier.Salt)));
            }
        }

        var checkedOurs = response["deviceSalts"]!.AsArray();
        for (var i = 0; i < ours.Length; i++)
        {
            var expected = checkedOurs[i]!.AsObject();
            var salt = Convert.FromBase64String(made[i].Salt);
            Assert.Equal(16, salt.Length);

            // The JS client's padHex leaves our salt as it is: it reads as positive, with no byte to add or drop.
            Assert.Equal((string?)expected["salt"], Convert.ToHexStringLower(salt));
            Assert.Equal((string?)expected["verifier"], Convert.ToHexStringLower(Convert.FromBase64String(made[i].PasswordVerifier)));
        }
    }

    [Fact]
    public async Task Timestamps_match_the_aws_js_client_on_every_day_of_a_year()
    {
        var random = new Random(Seed + 2);
        var instants = new List<DateTimeOffset>();
        for (var day = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero); day.Year == 2025; day = day.AddDays(1))
        {
            instants.Add(day.AddSeconds(random.Next(86_400)));
        }

        instants.AddRange([
            new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.Zero),
            new DateTimeOffset(2025, 5, 7, 0, 9, 40, TimeSpan.Zero),
            new DateTimeOffset(1999, 12, 31, 23, 59, 59, TimeSpan.Zero),
            new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2038, 1, 19, 3, 14, 8, TimeSpan.Zero),
            new DateTimeOffset(2025, 3, 9, 1, 2, 3, TimeSpan.FromHours(14)),
            new DateTimeOffset(2025, 3, 9, 22, 2, 3, TimeSpan.FromHours(-12)),
        ]);

        var response = await AwsJsClient.RunAsync(new { times = instants.Select(t => t.ToUnixTimeMilliseconds()).ToArray() });
        var times = response["times"]!.AsArray();
        for (var i = 0; i < instants.Count; i++)
        {
            Assert.True((string?)times[i] == SrpTimestamp.Format(instants[i]), $"{instants[i]:O}: JS '{times[i]}', ours '{SrpTimestamp.Format(instants[i])}'");
        }
    }

    private static LoginCase RandomCase(Random random, string label)
    {
        var bLength = random.Next(4) == 0 ? random.Next(1, 384) : 384;
        return new LoginCase(
            label,
            RandomBytes(random, 128),
            Convert.ToHexStringLower(RandomBytes(random, bLength)),
            Convert.ToHexStringLower(RandomBytes(random, 16)),
            Convert.ToBase64String(RandomBytes(random, random.Next(1, 1200))),
            SrpTimestamp.Format(DateTimeOffset.FromUnixTimeSeconds(random.NextInt64(0, 4_102_444_800))),
            RandomText(random, 9),
            random.Next(3) == 0 ? Users[random.Next(Users.Length)] : Guid.NewGuid().ToString(),
            random.Next(3) == 0 ? Passwords[random.Next(Passwords.Length)] : RandomText(random, random.Next(8, 40)));
    }

    private static IEnumerable<LoginCase> EdgeCases(Random random, ISrpArithmetic arithmetic)
    {
        var n = SrpGroup.N;
        var template = RandomCase(random, "template");

        // A's shapes depend on a: draw until each shows up.
        yield return template with { Label = "A with a zero top byte", A = FindA(random, arithmetic, a => a[0] == 0) };
        yield return template with { Label = "A with an odd hex length", A = FindA(random, arithmetic, a => a[0] is > 0 and < 0x10) };
        yield return template with { Label = "A whose pad adds 00", A = FindA(random, arithmetic, a => a[0] >= 0x80) };

        var b = Convert.ToHexStringLower(RandomBytes(random, 384));
        yield return template with { Label = "B with leading zeros in the text", B = "0000" + b };
        yield return template with { Label = "B with an odd hex length", B = "7" + b[2..] };
        yield return template with { Label = "B whose pad adds 00", B = "f" + b[1..] };
        yield return template with { Label = "B upper case", B = b.ToUpperInvariant() };
        yield return template with { Label = "B negative", B = "-" + b };
        yield return template with { Label = "B negative and short", B = "-8a" };
        yield return template with { Label = "B of one digit", B = "2" };
        yield return template with { Label = "B = N + 1", B = (n + 1).ToString("x", CultureInfo.InvariantCulture) };
        yield return template with { Label = "B = 3N - 5", B = ((3 * n) - 5).ToString("x", CultureInfo.InvariantCulture) };
        yield return template with { Label = "B = 0 (refused)", B = "0" };
        yield return template with { Label = "B = N (refused)", B = Hex(n) };
        yield return template with { Label = "B = -N (refused)", B = "-" + Hex(n) };
        yield return template with { Label = "B = 2N (refused)", B = Hex(2 * n) };

        // u = H(pad(A) ‖ pad(B)) and x = H(pad(salt) ‖ ...) are cheap: search B and the salt for their shapes.
        var largeA = SrpCalculator.ComputeLargeA(arithmetic, template.A);
        yield return template with { Label = "u with a zero top byte", B = FindB(random, largeA, u => u[0] == 0) };
        yield return template with { Label = "u with an odd hex length", B = FindB(random, largeA, u => u[0] is > 0 and < 0x10) };
        yield return template with { Label = "u whose pad adds 00", B = FindB(random, largeA, u => u[0] >= 0x80) };
        yield return template with { Label = "x with a zero top byte", Salt = FindSalt(random, template, x => x[0] == 0) };

        foreach (var salt in new[] { "-8a", "-80", "-ff", "-0123abcd", "-" + Convert.ToHexStringLower(RandomBytes(random, 16)), "abc", "0", "-0", "00ff", "000000ab", "ff" + Convert.ToHexStringLower(RandomBytes(random, 15)), "80", "7f" })
        {
            yield return template with { Label = $"salt '{salt}'", Salt = salt };
        }

        // S needs the whole computation; a zero top byte takes ~256 tries at ~2 ms each.
        yield return FindS(random, arithmetic, template, s => s[0] == 0, "S with a zero top byte");
        yield return FindS(random, arithmetic, template, s => s[0] is > 0 and < 0x10, "S with an odd hex length");
        yield return FindS(random, arithmetic, template, s => s[0] >= 0x80, "S whose pad adds 00");

        for (var day = 1; day <= 9; day++)
        {
            var instant = new DateTimeOffset(2025, 6, day, 7, 8, 9, TimeSpan.Zero);
            yield return template with { Label = $"timestamp on day {day}", Timestamp = SrpTimestamp.Format(instant) };
        }

        for (var i = 0; i < Users.Length; i++)
        {
            yield return template with { Label = $"user '{Users[i]}', password '{Passwords[i]}'", UserId = Users[i], Password = Passwords[i] };
        }

        yield return template with { Label = "secret block of 1 byte", SecretBlock = "AA==" };
        yield return template with { Label = "empty password and a long user id", UserId = new string('u', 500), Password = string.Empty };
    }

    private static byte[] FindA(Random random, ISrpArithmetic arithmetic, Func<byte[], bool> shape)
    {
        for (var attempt = 0; attempt < 20_000; attempt++)
        {
            var a = RandomBytes(random, 128);
            if (shape(arithmetic.PowG(a)))
            {
                return a;
            }
        }

        throw new InvalidOperationException("No a gave the wanted shape of A.");
    }

    private static string FindB(Random random, byte[] largeA, Func<byte[], bool> shape)
    {
        var paddedA = SrpEncoding.Pad(largeA);
        for (var attempt = 0; attempt < 200_000; attempt++)
        {
            var b = RandomBytes(random, 384);
            b[0] &= 0x7F;
            if (shape(SrpProof.Scrambler(paddedA, SrpEncoding.Pad(b))))
            {
                return Convert.ToHexStringLower(b);
            }
        }

        throw new InvalidOperationException("No B gave the wanted shape of u.");
    }

    private static string FindSalt(Random random, LoginCase template, Func<byte[], bool> shape)
    {
        for (var attempt = 0; attempt < 200_000; attempt++)
        {
            var salt = RandomBytes(random, 16);
            salt[0] &= 0x7F;
            if (shape(SrpProof.PrivateKey(SrpEncoding.Pad(salt), template.PoolName, template.UserId, template.Password)))
            {
                return Convert.ToHexStringLower(salt);
            }
        }

        throw new InvalidOperationException("No salt gave the wanted shape of x.");
    }

    private static LoginCase FindS(Random random, ISrpArithmetic arithmetic, LoginCase template, Func<byte[], bool> shape, string label)
    {
        for (var attempt = 0; attempt < 5_000; attempt++)
        {
            var candidate = template with { Label = label, Salt = Convert.ToHexStringLower(RandomBytes(random, 16)) };
            if (shape(candidate.Compute(arithmetic).S))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No salt gave {label}.");
    }

    private static void CountShapes(Dictionary<string, int> shapes, LoginCase c, SrpComputation ours)
    {
        void Count(string shape, bool present)
        {
            if (present)
            {
                shapes[shape] = shapes.GetValueOrDefault(shape) + 1;
            }
        }

        var b = SrpEncoding.ParseHex(c.B, "SRP_B");
        var salt = SrpEncoding.ParseHex(c.Salt, "SALT");
        var bMagnitude = BigInteger.Abs(b).ToByteArray(isUnsigned: true, isBigEndian: true);
        Count("A pad 00", ours.LargeA.SkipWhile(x => x == 0).First() >= 0x80);
        Count("A odd hex", SrpEncoding.ToHex(ours.LargeA).Length % 2 == 1);
        Count("A zero byte", ours.LargeA[0] == 0);
        Count("B pad 00", b.Sign > 0 && bMagnitude[0] >= 0x80);
        Count("B odd hex", c.B.TrimStart('-').Length % 2 == 1);
        Count("B negative", b.Sign < 0);
        Count("B unreduced", b >= SrpGroup.N);
        Count("u pad 00", ours.U[0] >= 0x80);
        Count("u zero byte", ours.U[0] == 0);
        Count("S pad 00", ours.S.SkipWhile(x => x == 0).First() >= 0x80);
        Count("S odd hex", SrpEncoding.ToHex(ours.S).Length % 2 == 1);
        Count("S zero byte", ours.S[0] == 0);
        Count("x zero byte", ours.X[0] == 0);
        Count("salt negative", salt.Sign < 0);
        Count("salt odd hex", c.Salt.TrimStart('-').Length % 2 == 1);
        Count("salt pad 00", salt.Sign > 0 && BigInteger.Abs(salt).ToByteArray(isUnsigned: true, isBigEndian: true)[0] >= 0x80);
        Count("day 1-9", c.Timestamp.Split(' ')[2].Length == 1);
    }

    private static string Hex(BigInteger value) => value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0');

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string RandomText(Random random, int length)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[r.Next(Alphabet.Length)];
            }
        });
    }

    private sealed record LoginCase(string Label, byte[] A, string B, string Salt, string SecretBlock, string Timestamp, string PoolName, string UserId, string Password)
    {
        public SrpComputation Compute(ISrpArithmetic arithmetic) =>
            SrpCalculator.Compute(arithmetic, A, SrpCalculator.ComputeLargeA(arithmetic, A), B, Salt, SecretBlock, PoolName, UserId, Password, Timestamp);

        public JsonObject ToJson() => new()
        {
            ["a"] = Convert.ToHexStringLower(A),
            [nameof(B)] = B,
            ["salt"] = Salt,
            ["secretBlock"] = SecretBlock,
            ["timestamp"] = Timestamp,
            ["poolName"] = PoolName,
            ["userId"] = UserId,
            ["password"] = Password,
        };
    }
}
