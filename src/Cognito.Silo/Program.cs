using Cognito.Grains.Hosting;
using Cognito.Silo.Health;
using Cognito.Silo.Local;
using Cognito.Silo.Telemetry;
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

    // Clustering and storage are read (and checked) now: the silo cannot be built without them.
    var hosting = CognitoHostingConfiguration.Read(builder.Configuration.GetSection(CognitoHostingOptions.SectionName));
    builder.UseOrleans(silo => silo
        .UseCognitoHosting(hosting)
        .AddCognito(builder.Configuration.GetSection("Cognito"), addMemoryStorage: false)
        .AddActivityPropagation());
    builder.AddCognitoTelemetry();
    builder.AddCognitoHealthEndpoint();

    using var host = builder.Build();
    await host.StartAsync();
    var gateway = hosting.Membership == CognitoMembership.Localhost ? $"localhost:{hosting.GatewayPort}" : $"port {hosting.GatewayPort} (cluster '{hosting.ClusterId}', membership in Redis)";
    Console.WriteLine($"Silo started ({hosting.Storage} session storage); clients connect to the gateway on {gateway}. Press Ctrl+C to stop.");
    await host.WaitForShutdownAsync();
    return 0;
}
catch (OptionsValidationException e)
{
    Console.Error.WriteLine(e.OptionsType == typeof(CognitoHostingOptions) ? "The Orleans configuration is not valid:" : "The Cognito configuration is not valid:");
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
