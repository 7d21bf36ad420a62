using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Cognito.Testing.CognitoLocal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cognito.Testing.SrpFront;

/// <summary>
/// An SRP-capable front before cognito-local, on 127.0.0.1 and a free port, speaking Cognito's
/// JSON 1.1. It serves what cognito-local lacks — USER_SRP_AUTH / PASSWORD_VERIFIER from verifiers
/// derived from the passwords it sees set, the device rounds and device operations, global
/// sign-out, GetTokensFromRefreshToken with rotation — and passes every other call (and every GET,
/// such as the JWKS) through unchanged. Tokens are always cognito-local's real ones. It counts the
/// calls it receives, in all and per second, so tests can assert how often Cognito was called, and
/// injects the failures <see cref="Faults"/> is set to. Thread-safe.
/// </summary>
public sealed class SrpFront : IAsyncDisposable
{
    private const string TargetPrefix = "AWSCognitoIdentityProviderService.";
    private const string ErrorTypeSuffix = ":http://internal.amazon.com/coral/com.amazonaws.cognito.identity.idp.model/";

    private readonly WebApplication _app;
    private readonly HttpClient _http;
    private readonly FrontState _state;
    private readonly FrontDispatcher _dispatcher;
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    private SrpFront(WebApplication app, HttpClient http, FrontState state)
    {
        _app = app;
        _http = http;
        _state = state;
        _dispatcher = new FrontDispatcher(state);
    }

    /// <summary>Where callers send their requests.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>The cognito-local the front stands before.</summary>
    public Uri UpstreamUrl => _state.Upstream.BaseUrl;

    /// <summary>The options the front was started with.</summary>
    public SrpFrontOptions Options => _state.Options;

    /// <summary>Why the front refused proofs, sessions or tokens, oldest first (never with a password in it) — for failure messages.</summary>
    public IReadOnlyList<string> Rejections => _state.Rejections;

    /// <summary>
    /// How many calls of <paramref name="operation"/> the front received from callers (its own calls
    /// to cognito-local are not counted). <c>"InitiateAuth:REFRESH_TOKEN_AUTH"</c> counts one auth
    /// flow, <c>"RespondToAuthChallenge:PASSWORD_VERIFIER"</c> one challenge.
    /// </summary>
    public int Count(string operation) => _counts.GetValueOrDefault(operation);

    /// <summary>Every operation's count so far (see <see cref="Count"/>).</summary>
    public IReadOnlyDictionary<string, int> Counts => new Dictionary<string, int>(_counts, StringComparer.Ordinal);

    /// <summary>Starts every count from zero.</summary>
    public void ResetCounts() => _counts.Clear();

    /// <summary>The calls received per operation per second of real time (named as <see cref="Count"/> names them).</summary>
    public CallRates Rates { get; } = new();

    /// <summary>The failures the front injects, switchable while it runs.</summary>
    public FrontFaults Faults { get; } = new();

    /// <summary>Starts a front before <paramref name="upstream"/> on a free loopback port.</summary>
    public static Task<SrpFront> StartAsync(CognitoLocalServer upstream, SrpFrontOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        return StartAsync(upstream.Url, options, cancellationToken);
    }

    /// <summary>Starts a front before the cognito-local at <paramref name="upstreamUrl"/> on a free loopback port.</summary>
    public static async Task<SrpFront> StartAsync(Uri upstreamUrl, SrpFrontOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upstreamUrl);
        options ??= new SrpFrontOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var state = new FrontState(options, new UpstreamClient(http, upstreamUrl));
        var front = new SrpFront(app, http, state);
        app.Run(front.HandleAsync);
        await app.StartAsync(cancellationToken);
        var server = (IServer)app.Services.GetService(typeof(IServer))!;
        var address = server.Features.Get<IServerAddressesFeature>()!.Addresses.First();
        front.Url = new Uri(address.EndsWith('/') ? address : address + "/");
        return front;
    }

    /// <summary>Turns device tracking on for a pool, as a DeviceConfiguration would.</summary>
    public void TrackDevices(string userPoolId, bool rememberOnUserPromptOnly = false) =>
        _state.Directory.SetDeviceTracking(userPoolId, new DeviceTrackingMode(rememberOnUserPromptOnly));

    /// <summary>Back to the pool's own DeviceConfiguration and <see cref="SrpFrontOptions.DeviceTracking"/>.</summary>
    public void StopTrackingDevices(string userPoolId) => _state.Directory.SetDeviceTracking(userPoolId, null);

    /// <summary>Turns refresh-token rotation on for an app client (as RefreshTokenRotation.Feature = ENABLED would).</summary>
    public void RotateRefreshTokens(string clientId, TimeSpan? gracePeriod = null) =>
        _state.Directory.SetRotation(clientId, new RotationSetting(true, gracePeriod ?? Options.RotationGracePeriod));

    /// <summary>Whether the front has seen a password of that user (and so can serve their SRP login).</summary>
    public bool HasVerifier(string userPoolId, string username) => _state.Credentials.Get(userPoolId, username) is not null;

    /// <summary>The user's confirmed devices, oldest first.</summary>
    public IReadOnlyList<TrackedDevice> DevicesOf(string userPoolId, string username) => _state.Devices.List(userPoolId, username);

    /// <summary>When the user last signed out globally, if ever.</summary>
    public DateTimeOffset? SignedOutAt(string userPoolId, string username) => _state.Ledger.SignedOutAt(userPoolId, username);

    private async Task HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        try
        {
            var body = await ReadBodyAsync(context.Request, cancellationToken);
            var headers = context.Request.Headers.Select(h => new KeyValuePair<string, string[]>(h.Key, h.Value.Select(v => v ?? string.Empty).ToArray())).ToList();
            var target = context.Request.Headers["X-Amz-Target"].ToString();
            if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Path != "/" || !target.StartsWith(TargetPrefix, StringComparison.Ordinal))
            {
                var pathAndQuery = context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent();
                await WriteAsync(context, FrontReply.Of(await _state.Upstream.ForwardAsync(context.Request.Method, pathAndQuery, headers, body, cancellationToken)));
                return;
            }

            var operation = target[TargetPrefix.Length..];
            Increment(operation);
            var json = JsonFields.ParseObject(body);
            var detailed = (json.Str("AuthFlow") ?? json.Str("ChallengeName")) is { } detail ? $"{operation}:{detail}" : null;
            if (detailed is not null)
            {
                Increment(detailed);
            }

            if (await InjectFaultAsync(context, Faults.Pick(operation, detailed), cancellationToken))
            {
                return;
            }

            var reply = await _dispatcher.HandleAsync(new FrontRequest(operation, json, body, headers, context.Connection.RemoteIpAddress?.ToString()), cancellationToken);
            await WriteAsync(context, reply);
        }
        catch (CognitoFault fault)
        {
            await WriteFaultAsync(context, fault);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A bug in the front or an unreachable cognito-local: say so rather than drop the connection.
            await WriteFaultAsync(context, new CognitoFault("SrpFront#InternalError", $"{e.GetType().Name}: {e.Message}", 500));
        }
    }

    private void Increment(string key)
    {
        _counts.AddOrUpdate(key, 1, (_, count) => count + 1);
        // Real time: the callers' clock may be fake, Cognito's quota never is.
        Rates.Record(key, DateTimeOffset.UtcNow);
    }

    /// <summary>Answers with the fault, or delays a slow one; true when the call is over.</summary>
    private async Task<bool> InjectFaultAsync(HttpContext context, FaultKind fault, CancellationToken cancellationToken)
    {
        switch (fault)
        {
            case FaultKind.None:
                return false;
            case FaultKind.Slow:
                await Task.Delay(Faults.SlowBy, cancellationToken);
                return false;
            case FaultKind.InternalError:
                await WriteFaultAsync(context, new CognitoFault("InternalErrorException", "An internal error occurred.", 500));
                return true;
            case FaultKind.Throttle:
                await WriteFaultAsync(context, new CognitoFault("TooManyRequestsException", "Rate exceeded"));
                return true;
            case FaultKind.BareServerError or FaultKind.ServiceUnavailable:
                context.Response.StatusCode = fault == FaultKind.BareServerError ? 500 : 503;
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<html><body>Service unavailable</body></html>", cancellationToken);
                return true;
            case FaultKind.Timeout:
                try
                {
                    await Task.Delay(Faults.HoldFor, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    // The caller gave up first, as it should.
                }

                context.Abort();
                return true;
            default:
                context.Abort();
                return true;
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static async Task WriteAsync(HttpContext context, FrontReply reply)
    {
        var response = context.Response;
        if (reply.Forwarded is { } forwarded)
        {
            response.StatusCode = forwarded.Status;
            foreach (var (name, values) in forwarded.Headers)
            {
                response.Headers[name] = values;
            }

            await response.Body.WriteAsync(forwarded.Body, context.RequestAborted);
            return;
        }

        await WriteJsonAsync(context, 200, reply.Json ?? [], null);
    }

    private static Task WriteFaultAsync(HttpContext context, CognitoFault fault) =>
        WriteJsonAsync(context, fault.Status, new JsonObject { ["__type"] = fault.Type, ["message"] = fault.Message }, fault.Type + ErrorTypeSuffix);

    private static async Task WriteJsonAsync(HttpContext context, int status, JsonObject json, string? errorType)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/x-amz-json-1.1";
        response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        if (errorType is not null)
        {
            response.Headers["x-amzn-ErrorType"] = errorType;
        }

        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(json.ToJsonString()), context.RequestAborted);
    }

    /// <summary>Stops the front.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
    }
}
