using Cognito.Client;
using Cognito.EndToEnd.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// A front end of the Cognito grains in its own process: it connects to a silo's gateway on
// localhost and runs the warrant-style life of one user (see Scenario). Exit codes: 0 every step
// passed, 1 a step failed (printed as "step: FAILED type ErrorCode=code: message"), 2 bad arguments.
var options = ScenarioOptions.Parse(args, out var error);
if (options is null)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(ScenarioOptions.Usage);
    return 2;
}

// No args go to the host: its configuration must not hold the passwords.
var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.UseOrleansClient(client => client.UseLocalhostClustering(gatewayPort: options.GatewayPort).AddCognitoClient());

using var host = builder.Build();
try
{
    using var connect = new CancellationTokenSource(options.StepTimeout);
    await host.StartAsync(connect.Token).WaitAsync(options.StepTimeout + TimeSpan.FromSeconds(5));
}
catch (Exception e)
{
    Console.WriteLine($"connect: FAILED {e.GetType().FullName} ErrorCode=-: {e.Message}");
    Console.Error.WriteLine(e.ToString());
    return 1;
}

Console.WriteLine($"connect: ok");
var failed = await new Scenario(host.Services.GetRequiredService<IClusterClient>(), options, Console.Out).RunAsync();
try
{
    using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
    await host.StopAsync(stop.Token);
}
catch (Exception e) when (e is OperationCanceledException or TimeoutException)
{
    // Leaving without a clean goodbye to the gateway is fine for a one-shot client.
}

if (failed is not null)
{
    return 1;
}

Console.WriteLine("scenario: ok");
return 0;
