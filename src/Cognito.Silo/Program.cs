using Cognito.Grains.Hosting;
using Cognito.Silo.Local;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

// `--local` runs the quick start: a cognito-local emulator with a demo pool and user, and the silo against it.
var local = args.Contains("--local", StringComparer.Ordinal);
LocalCognito? emulator = null;
try
{
    // appsettings.json sits beside the program, wherever it is started from.
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
    {
        Args = args.Where(a => a != "--local").ToArray(),
        ContentRootPath = AppContext.BaseDirectory,
    });
    if (local)
    {
        Console.WriteLine("Starting cognito-local (installed with npm on first use)...");
        emulator = await LocalCognito.StartAsync();
        builder.Configuration.AddInMemoryCollection(emulator.Configuration);
        Console.WriteLine($"""
            cognito-local is running at {emulator.ServiceUrl}
              pool "{LocalCognito.PoolName}": {emulator.UserPoolId}
              app client: {emulator.ClientId}
              demo user: {LocalCognito.DemoUsername} / {LocalCognito.DemoPassword}
            """);
    }

    var siloPort = builder.Configuration.GetValue("Orleans:SiloPort", 11111);
    var gatewayPort = builder.Configuration.GetValue("Orleans:GatewayPort", 30000);
    builder.UseOrleans(silo => silo
        .UseLocalhostClustering(siloPort, gatewayPort)
        .AddCognito(builder.Configuration.GetSection("Cognito")));

    using var host = builder.Build();
    await host.StartAsync();
    Console.WriteLine($"Silo started; clients connect to the gateway on localhost:{gatewayPort}. Press Ctrl+C to stop.");
    await host.WaitForShutdownAsync();
    return 0;
}
catch (OptionsValidationException e)
{
    Console.Error.WriteLine("The Cognito configuration is not valid:");
    foreach (var failure in e.Failures)
    {
        Console.Error.WriteLine("  - " + failure);
    }

    return 2;
}
finally
{
    if (emulator is not null)
    {
        await emulator.DisposeAsync();
    }
}
