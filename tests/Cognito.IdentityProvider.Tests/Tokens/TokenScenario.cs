using System.Text.Json.Nodes;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Tokens;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Cognito.IdentityProvider.Tests.Tokens;

/// <summary>
/// A pool served by a <see cref="JwksServer"/> the way cognito-local serves one (issuer
/// <c>http://127.0.0.1:port/{pool}</c>), a fake clock, and Cognito-shaped tokens for it.
/// </summary>
internal sealed class TokenScenario : IAsyncDisposable
{
    public const string PoolId = "eu-west-1_AbC123Def";
    public const string ClientId = "3n4b5urk1ft4fl3mg5e62d9ado";
    public const string SecondClientId = "6q0t7ek2bm1lbbd3n6r59vlcbh";
    public const string OtherClientId = "7aq0j4hpes1gq3e0qm5e1m2dnv";
    public const string Subject = "a1b2c3d4-0000-4000-8000-5e0b1ec7f00d";
    public const string Username = "internal-user-7f3a9c";

    private readonly HttpClient _http = new();

    private TokenScenario(JwksServer server) => Server = server;

    public JwksServer Server { get; }

    /// <summary>A time of day and month below 10, to catch any formatting of dates.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 5, 8, 0, 0, TimeSpan.Zero));

    public string Issuer => Server.Url + PoolId;

    public static async Task<TokenScenario> StartAsync() => new(await JwksServer.StartAsync(PoolId));

    /// <summary>A verifier for this pool that downloads from the server and never reads the real environment.</summary>
    public CognitoTokenVerifier Verifier(Action<CognitoTokenVerifierOptions>? configure = null, Func<string, string?>? environment = null, ILogger? logger = null)
    {
        var options = new CognitoTokenVerifierOptions { Issuer = Issuer };
        options.ClientIds.Add(ClientId);
        configure?.Invoke(options);
        return new CognitoTokenVerifier(options, _http, Time, logger, environment ?? (_ => null));
    }

    public long Now => Time.GetUtcNow().ToUnixTimeSeconds();

    public JsonObject IdClaims() => new()
    {
        ["sub"] = Subject,
        ["cognito:groups"] = new JsonArray("admins", "staff"),
        ["email_verified"] = true,
        ["iss"] = Issuer,
        ["cognito:username"] = Username,
        ["origin_jti"] = "0f6a1c7e-1111-4222-8333-944455556666",
        ["aud"] = ClientId,
        ["event_id"] = "2b4c6d8e-aaaa-4bbb-8ccc-ddddeeeeffff",
        ["token_use"] = "id",
        ["auth_time"] = Now - 60,
        ["exp"] = Now + 3600,
        ["iat"] = Now - 60,
        ["jti"] = "5d3c2b1a-9999-4888-8777-666655554444",
        ["email"] = "alice@example.com",
    };

    public JsonObject AccessClaims() => new()
    {
        ["sub"] = Subject,
        ["cognito:groups"] = new JsonArray("admins", "staff"),
        ["iss"] = Issuer,
        ["client_id"] = ClientId,
        ["origin_jti"] = "0f6a1c7e-1111-4222-8333-944455556666",
        ["event_id"] = "2b4c6d8e-aaaa-4bbb-8ccc-ddddeeeeffff",
        ["token_use"] = "access",
        ["scope"] = "aws.cognito.signin.user.admin openid",
        ["auth_time"] = Now - 60,
        ["exp"] = Now + 3600,
        ["iat"] = Now - 60,
        ["jti"] = "7e8f9a0b-1234-4567-89ab-cdef01234567",
        ["username"] = Username,
    };

    public string IdToken(Action<JsonObject>? edit = null, TestRsaKey? key = null) => Sign(IdClaims(), edit, key);

    public string AccessToken(Action<JsonObject>? edit = null, TestRsaKey? key = null) => Sign(AccessClaims(), edit, key);

    private static string Sign(JsonObject claims, Action<JsonObject>? edit, TestRsaKey? key)
    {
        edit?.Invoke(claims);
        return TestJwt.Rs256(key ?? TestRsaKey.A, claims);
    }

    /// <summary>Asserts the refusal and that nothing of the token leaked into the exception.</summary>
    public static async Task<TokenValidationException> RefusedAsync(TokenValidationFailureReason reason, string token, Func<Task> verify)
    {
        var error = await Assert.ThrowsAsync<TokenValidationException>(verify);
        Assert.Equal(reason, error.Reason);
        Assert.Equal(TokenValidationException.Code, error.ErrorCode);
        Assert.Null(error.InnerException);
        AssertNothingLeaks(error, token);
        return error;
    }

    public static void AssertNothingLeaks(Exception error, string token)
    {
        foreach (var text in new[] { error.Message, error.ToString() })
        {
            if (token.Length > 0)
            {
                Assert.DoesNotContain(token, text, StringComparison.Ordinal);
            }

            foreach (var part in token.Split('.').Where(p => p.Length >= 6))
            {
                Assert.DoesNotContain(part, text, StringComparison.Ordinal);
            }

            Assert.DoesNotContain(Subject, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Username, text, StringComparison.Ordinal);
            Assert.DoesNotContain(OtherClientId, text, StringComparison.Ordinal);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Server.DisposeAsync();
    }
}
