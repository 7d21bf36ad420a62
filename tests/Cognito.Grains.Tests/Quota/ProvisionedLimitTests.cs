using Amazon.Runtime;
using Cognito.Grains.Refresh;
using Cognito.IdentityProvider;
using Cognito.IdentityProvider.Configuration;
using Cognito.Testing.Scripted;
using Microsoft.Extensions.Logging;

namespace Cognito.Grains.Tests.Quota;

/// <summary>
/// The budget's start-up read of the account's provisioned limit against answers shaped as AWS
/// sends them: the lower of configured and provisioned wins, and every failure keeps the configured
/// rate with one warning that names the error code and nothing secret.
/// </summary>
public sealed class ProvisionedLimitTests : IAsyncLifetime
{
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly ListLogger _log = new();
    private ScriptedCognitoServer _server = null!;

    public async Task InitializeAsync() => _server = await ScriptedCognitoServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string Limit(int provisioned) =>
        $$$"""{"Limit":{"FreeLimitValue":120,"LimitDefinition":{"Attributes":{"Category":"UserAuthentication"},"LimitClass":"API_CATEGORY"},"ProvisionedLimitValue":{{{provisioned}}}}}""";

    private CognitoIdentityProviderClient Client() => new(Http, new CognitoIdentityProviderOptions
    {
        ServiceUrl = _server.Url,
        Region = "eu-west-1",
        Credentials = new BasicAWSCredentials("AKIDEXAMPLE", SecretKey),
        AttemptTimeout = TimeSpan.FromSeconds(5),
        TotalTimeout = TimeSpan.FromSeconds(10),
        MaxRetryAttempts = 2,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        RetryMaxDelay = TimeSpan.FromMilliseconds(20),
    });

    private static RefreshBudgets Budgets(double rate, TimeSpan? timeout = null) =>
        new(new RefreshBudgetOptions { RequestsPerSecond = rate, ReadProvisionedLimit = true, ProvisionedLimitTimeout = timeout ?? TimeSpan.FromSeconds(3) }, TimeProvider.System);

    [Theory]
    [InlineData(100, 80, 80)]
    [InlineData(100, 500, 100)]
    public async Task The_cluster_rate_is_the_lower_of_configured_and_provisioned(double configured, int provisioned, double expected)
    {
        _server.Handler = (request, context) => ScriptedCognitoServer.RespondAsync(context, 200, Limit(provisioned));
        var budgets = Budgets(configured);

        await ProvisionedLimitReader.ApplyAsync(Client(), budgets, _log, CancellationToken.None);

        Assert.Equal(expected, budgets.For("GetTokensFromRefreshToken")!.Share);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("GetProvisionedLimit", request.Operation);
        Assert.StartsWith("AWS4-HMAC-SHA256 ", request.Authorization, StringComparison.Ordinal);
        Assert.Contains("\"Category\":\"UserAuthentication\"", request.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(_log.Lines, l => l.Level >= LogLevel.Warning);
    }

    [Theory]
    [InlineData(400, """{"__type":"AccessDeniedException","Message":"User: arn:aws:iam::123456789012:user/silo is not authorized to perform: cognito-idp:GetProvisionedLimit"}""", "AccessDeniedException")]
    [InlineData(400, """{"__type":"UnknownOperationException"}""", "UnknownOperationException")]
    [InlineData(500, """{"__type":"InternalErrorException","message":"boom"}""", "InternalErrorException")]
    public async Task A_refused_or_failed_read_keeps_the_configured_rate_with_one_warning(int status, string body, string code)
    {
        _server.Handler = (request, context) => ScriptedCognitoServer.RespondAsync(context, status, body);
        var budgets = Budgets(40);

        await ProvisionedLimitReader.ApplyAsync(Client(), budgets, _log, CancellationToken.None);

        Assert.Equal(40, budgets.For("InitiateAuth")!.Share);
        var warning = Assert.Single(_log.Lines, l => l.Level == LogLevel.Warning);
        Assert.Contains(code, warning.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretKey, warning.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("arn:aws", warning.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endpoint_that_does_not_answer_keeps_the_configured_rate_after_the_timeout()
    {
        using var release = new CancellationTokenSource();
        _server.Handler = async (request, context) => await Task.Delay(Timeout.Infinite, release.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        var budgets = Budgets(40, TimeSpan.FromMilliseconds(200));

        await ProvisionedLimitReader.ApplyAsync(Client(), budgets, _log, CancellationToken.None);
        await release.CancelAsync();

        Assert.Equal(40, budgets.For("InitiateAuth")!.Share);
        Assert.Contains("Timeout", Assert.Single(_log.Lines, l => l.Level == LogLevel.Warning).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_endpoint_keeps_the_configured_rate()
    {
        var url = _server.Url;
        await _server.DisposeAsync();
        _server = await ScriptedCognitoServer.StartAsync();
        var client = new CognitoIdentityProviderClient(Http, new CognitoIdentityProviderOptions
        {
            ServiceUrl = url,
            Region = "eu-west-1",
            Credentials = new BasicAWSCredentials("AKIDEXAMPLE", SecretKey),
            MaxRetryAttempts = 1,
        });
        var budgets = Budgets(40);

        await ProvisionedLimitReader.ApplyAsync(client, budgets, _log, CancellationToken.None);

        Assert.Equal(40, budgets.For("InitiateAuth")!.Share);
        Assert.Single(_log.Lines, l => l.Level == LogLevel.Warning);
    }

    private sealed class ListLogger : ILogger
    {
        private readonly List<(LogLevel Level, string Text)> _lines = [];

        public IReadOnlyList<(LogLevel Level, string Text)> Lines
        {
            get
            {
                lock (_lines)
                {
                    return [.. _lines];
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_lines)
            {
                _lines.Add((logLevel, formatter(state, exception)));
            }
        }
    }
}
