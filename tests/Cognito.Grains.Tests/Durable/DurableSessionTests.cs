using Cognito.Client.Errors;
using Cognito.Client.Model;
using Cognito.Testing.CognitoLocal;
using StackExchange.Redis;

namespace Cognito.Grains.Tests.Durable;

/// <summary>Sessions in Redis: they outlive the whole cluster, are unreadable at rest, and a bad record fails only its own user.</summary>
public sealed class DurableSessionTests(RedisClusterFixture redis) : IClassFixture<RedisClusterFixture>
{
    private const string Password = CognitoLocalFixture.DefaultPassword;

    [Fact]
    public async Task A_session_survives_a_full_cluster_restart_without_a_new_sign_in()
    {
        var username = await redis.NewUserAsync("main");
        Assert.True((await redis.User("main", username).AuthenticateAsync(Password)).IsSignedIn);
        var before = await redis.User("main", username).GetTokensAsync();
        var signIns = redis.Front.Count("InitiateAuth");

        await redis.RestartAsync();

        var after = await redis.User("main", username).GetTokensAsync();
        Assert.Equal(before.AccessToken, after.AccessToken);
        Assert.Equal(before.RefreshToken, after.RefreshToken);
        Assert.Equal(signIns, redis.Front.Count("InitiateAuth"));
        Assert.Equal(username, (await redis.User("main", username).GetUserAsync()).Username);
    }

    [Fact]
    public async Task The_stored_record_holds_no_token_device_secret_or_challenge_session_in_clear()
    {
        var signedIn = await redis.NewUserAsync("main");
        await redis.User("main", signedIn).AuthenticateAsync(Password);
        var tokens = await redis.User("main", signedIn).GetTokensAsync();

        var withDevice = await redis.NewUserAsync("devices");
        await redis.User("devices", withDevice).AuthenticateAsync(Password);
        await redis.User("devices", withDevice).RememberDeviceAsync("laptop");

        var challenged = redis.UniqueName("challenged");
        await redis.User("main", challenged).AdminCreateUserAsync(new NewUser(new Dictionary<string, string> { ["email"] = $"{challenged}@example.com" }, "Temp0rary!Pass", SuppressMessage: true));
        Assert.Equal(SignInStatus.ChallengeRequired, (await redis.User("main", challenged).AuthenticateAsync("Temp0rary!Pass")).Status);

        // The decrypted records hold the secrets (so the search below looks for the right strings)...
        var device = (await redis.DecryptedRecordAsync("devices", withDevice)).Device;
        var challenge = (await redis.DecryptedRecordAsync("main", challenged)).Challenge;
        Assert.NotNull(device?.DevicePassword);
        Assert.NotNull(challenge?.Session);
        Assert.Equal(tokens.RefreshToken, (await redis.DecryptedRecordAsync("main", signedIn)).Tokens?.RefreshToken);

        // ...and the raw values hold none of them, nor any long piece of them.
        var secrets = new[] { tokens.AccessToken, tokens.IdToken!, tokens.RefreshToken!, device!.DevicePassword!, challenge!.Session };
        foreach (var (pool, username) in new[] { ("main", signedIn), ("devices", withDevice), ("main", challenged) })
        {
            var raw = await redis.RawRecordAsync(pool, username);
            Assert.StartsWith("cognito-state/1:", raw, StringComparison.Ordinal);
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, raw, StringComparison.Ordinal);
                for (var i = 0; i + 16 <= secret.Length; i += 16)
                {
                    Assert.DoesNotContain(secret.Substring(i, 16), raw, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public async Task A_silo_with_another_key_ring_refuses_the_record_with_a_typed_error_until_the_user_signs_in_again()
    {
        var username = await redis.NewUserAsync("main");
        await redis.User("main", username).AuthenticateAsync(Password);
        try
        {
            await redis.RestartAsync(keyRing: "another/key-ring-" + Guid.NewGuid().ToString("N"));

            var error = await Assert.ThrowsAsync<SessionStateUnreadableException>(() => redis.User("main", username).GetTokensAsync());
            Assert.Equal(StoredStateFault.NotDecryptable, error.Fault);
            Assert.Equal(SessionStateUnreadableException.Code, error.ErrorCode);
            await Assert.ThrowsAsync<SessionStateUnreadableException>(() => redis.User("main", username).GetSessionAsync());

            Assert.True((await redis.User("main", username).AuthenticateAsync(Password)).IsSignedIn);
            await redis.DeactivateAllAsync();
            Assert.True((await redis.User("main", username).GetSessionAsync()).IsSignedIn);
        }
        finally
        {
            await redis.RestartAsync();
        }
    }

    [Fact]
    public async Task A_corrupt_record_gives_its_user_a_typed_error_and_leaves_every_other_user_alone()
    {
        var healthy = await SignedInUserAsync();
        var healthyTokens = await redis.User("main", healthy).GetTokensAsync();
        var garbage = await SignedInUserAsync();
        var truncated = await SignedInUserAsync();
        var newerVersion = await SignedInUserAsync();
        var tampered = await SignedInUserAsync();

        await DamageAsync(garbage, _ => "\u0001\u0002not a record at all");
        await DamageAsync(truncated, raw => raw[..(raw.Length / 2)]);
        await DamageAsync(newerVersion, raw => raw.Replace("cognito-state/1:", "cognito-state/7:", StringComparison.Ordinal));
        await DamageAsync(tampered, raw => raw[..^8] + (raw[^8] == 'A' ? 'B' : 'A') + raw[^7..]);
        await redis.DeactivateAllAsync();

        Assert.Equal(StoredStateFault.Corrupt, (await UnreadableAsync(garbage)).Fault);
        await UnreadableAsync(truncated);
        Assert.Equal(StoredStateFault.UnknownVersion, (await UnreadableAsync(newerVersion)).Fault);
        Assert.Equal(StoredStateFault.NotDecryptable, (await UnreadableAsync(tampered)).Fault);
        Assert.Equal(healthyTokens.AccessToken, (await redis.User("main", healthy).GetTokensAsync()).AccessToken);

        // A new sign-in overwrites the bad record, and what it writes reads back.
        Assert.True((await redis.User("main", garbage).AuthenticateAsync(Password)).IsSignedIn);
        await redis.DeactivateAllAsync();
        Assert.True((await redis.User("main", garbage).GetSessionAsync()).IsSignedIn);
        await UnreadableAsync(newerVersion);
    }

    [Fact]
    public async Task A_version_1_record_of_an_older_shape_is_read_by_todays_code()
    {
        var username = redis.UniqueName("frozen");
        var key = redis.RecordKey("main", username);
        await redis.Database.HashSetAsync(key, [new HashEntry("etag", "frozen-etag"), new HashEntry("data", FrozenRecords.Protect(redis, FrozenRecords.ShapeV1))]);

        var session = await redis.User("main", username).GetSessionAsync();
        Assert.True(session.IsSignedIn);
        Assert.Equal(FrozenRecords.ShapeV1Username, session.Username);
        Assert.Equal(FrozenRecords.ShapeV1AccessToken, (await redis.User("main", username).GetTokensAsync()).AccessToken);

        // Today's code writes today's form over it, and reads that back.
        await redis.User("main", username).RevokeSessionAsync();
        await redis.DeactivateAllAsync();
        Assert.False((await redis.User("main", username).GetSessionAsync()).IsSignedIn);
        Assert.StartsWith("cognito-state/1:", await redis.RawRecordAsync("main", username), StringComparison.Ordinal);
    }

    private async Task<string> SignedInUserAsync()
    {
        var username = await redis.NewUserAsync("main");
        Assert.True((await redis.User("main", username).AuthenticateAsync(Password)).IsSignedIn);
        return username;
    }

    private async Task DamageAsync(string username, Func<string, string> damage)
    {
        var key = redis.RecordKey("main", username);
        await redis.Database.HashSetAsync(key, "data", damage(await redis.RawRecordAsync("main", username)));
    }

    private async Task<SessionStateUnreadableException> UnreadableAsync(string username)
    {
        var error = await Assert.ThrowsAsync<SessionStateUnreadableException>(() => redis.User("main", username).GetTokensAsync());
        Assert.DoesNotContain("cognito-state", error.Message, StringComparison.Ordinal);
        return error;
    }
}
