using System.Globalization;
using Cognito.Density;
using Microsoft.Extensions.Logging;

// density N [--log]   memory per held session, in-process silo
// fetch               silo + redis-server here, the callers in a child process (see FetchRun)
// client ...          the child process (started by fetch)
var mode = args.FirstOrDefault() ?? "density";
var logLevel = args.Contains("--log") ? LogLevel.Information : LogLevel.Warning;
switch (mode)
{
    case "density":
        await DensityRun.RunAsync(int.Parse(args.ElementAtOrDefault(1) ?? "10000", CultureInfo.InvariantCulture), logLevel);
        return 0;
    case "fetch":
        return await FetchRun.RunAsync(args.Skip(1).ToArray(), logLevel);
    case "client":
        return await FetchClient.RunAsync(args.Skip(1).ToArray());
    default:
        Console.Error.WriteLine("usage: density N [--log] | fetch [--sessions N] [--signins N]");
        return 2;
}
