using System.Net.Sockets;
using Cognito.Grains.Hosting;
using Cognito.Silo;
using Cognito.Silo.Health;
using Cognito.Silo.Local;
using Cognito.Silo.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

// `--local` runs the quick start: the testing kit's local Cognito (cognito-local and the SRP front) with a demo pool and user, and the silo against it.
var arguments = LocalArguments.Parse(args);
if (arguments.Error is not null)
{
    Console.Error.WriteLine(arguments.Error);
    return 2;
}

QuickStart? quickStart = null;
SampleWebApp? web = null;
CognitoHostingOptions? hosting = null;
try
{
    // appsettings.json sits beside the program, wherever it is started from.
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
    {
        Args = arguments.Remaining,
        ContentRootPath = AppContext.BaseDirectory,
    });

    // Clustering and storage are read (and checked) now: the silo cannot be built without them.
    hosting = CognitoHostingConfiguration.Read(builder.Configuration.GetSection(CognitoHostingOptions.SectionName));
    var healthPort = builder.Configuration.GetValue($"{HealthEndpointOptions.SectionName}:Port", HealthEndpointOptions.DefaultPort);
    if (PortCheck.FindBusy(hosting, healthPort) is { } busy)
    {
        Console.Error.WriteLine(busy);
        return 3;
    }

    if (arguments.Local)
    {
        Console.WriteLine("Starting the local Cognito...");
        quickStart = await QuickStart.StartAsync(arguments.DataDirectory, new ConsoleProgress());
        builder.Configuration.AddInMemoryCollection(quickStart.Configuration);
        Console.WriteLine(quickStart.Describe());
    }

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
    if (quickStart is not null)
    {
        var frontEnd = SampleWebApp.FrontEndArguments(quickStart, hosting.GatewayPort);
        Console.WriteLine("A front end reaches this silo and pool with: " + string.Join(' ', frontEnd));
        if (arguments.Web)
        {
            if (SampleWebApp.FindProject() is not { } project)
            {
                Console.Error.WriteLine("--web needs the repository's samples/Cognito.Web beside this silo's sources; it is not there.");
                return 2;
            }

            Console.WriteLine($"Starting the sample web app (it builds first); open {SampleWebApp.Url} when it says it is listening.");
            web = SampleWebApp.Start(project, frontEnd);
        }
    }

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
catch (Exception e) when (hosting is not null && IsAddressInUse(e))
{
    // Taken between the check and Orleans' bind: the same one line, naming both ports.
    Console.Error.WriteLine($"Port {hosting.SiloPort} (the silo port) or {hosting.GatewayPort} (the gateway port) is already in use; choose others with --Orleans:SiloPort=N / --Orleans:GatewayPort=N.");
    return 3;
}
finally
{
    if (web is not null)
    {
        await web.DisposeAsync();
    }

    if (quickStart is not null)
    {
        await quickStart.DisposeAsync();
    }
}

static bool IsAddressInUse(Exception e)
{
    for (Exception? current = e; current is not null; current = current.InnerException)
    {
        if (current is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
        {
            return true;
        }

        if (current is AggregateException aggregate && aggregate.InnerExceptions.Any(IsAddressInUse))
        {
            return true;
        }
    }

    return false;
}
