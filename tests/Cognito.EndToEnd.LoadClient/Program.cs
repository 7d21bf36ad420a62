using Cognito.Client;
using Cognito.EndToEnd.LoadClient;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using StackExchange.Redis;

// A load client of a Redis-membership cluster in its own process: it finds the gateways in Redis,
// signs in sessions (optionally), hammers GetTokensAsync and reports what it saw as key=value
// lines (see CallRecorder). Exit codes: 0 the final check passed, 1 it did not, 2 bad arguments.
var options = LoadOptions.Parse(args, out var error);
if (options is null)
{
    Console.Error.WriteLine(error);
    return 2;
}

var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.UseOrleansClient(client => client
    .UseRedisClustering(redis => redis.ConfigurationOptions = ConfigurationOptions.Parse(options.Redis))
    .Configure<ClusterOptions>(cluster =>
    {
        cluster.ClusterId = options.ClusterId;
        cluster.ServiceId = options.ServiceId;
    })
    // As docs/operations.md recommends: a gateway list no older than the failure detection's own time.
    .Configure<GatewayOptions>(gateways => gateways.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5))
    .AddCognitoClient());

using var host = builder.Build();
await host.StartAsync();
var recorder = new CallRecorder(options.Users, Console.Out);
recorder.Write("connected");
var run = new LoadRun(host.Services.GetRequiredService<IClusterClient>(), options, recorder);
if (options.SignIn && !await run.SignInAllAsync())
{
    return 1;
}

await run.LoadAsync();
recorder.WriteSummary(options.ReportExpiries);
var passed = await run.FinalCheckAsync();
using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
{
    try
    {
        await host.StopAsync(stop.Token);
    }
    catch (OperationCanceledException)
    {
        // A gateway that went away need not see a goodbye.
    }
}

return passed ? 0 : 1;
