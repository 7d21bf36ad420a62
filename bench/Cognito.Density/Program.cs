using System.Globalization;
using Cognito.Density;
using Microsoft.Extensions.Logging;

// density N [--log]   memory per held session, in-process silo
// fetch               silo + redis-server here, the callers in a child process (see FetchRun)
// verify N           the two RS256 verifications of a sign-in, on their own
// decode N           the silo's UTF-8 -> string -> UTF-8 round trip of one fetch, on its own
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
    case "verify":
        await VerifyRun.RunAsync(int.Parse(args.ElementAtOrDefault(1) ?? "5000", CultureInfo.InvariantCulture));
        return 0;
    case "decode":
        DecodeRun.Run(int.Parse(args.ElementAtOrDefault(1) ?? "200000", CultureInfo.InvariantCulture));
        return 0;
    case "client":
        return await FetchClient.RunAsync(args.Skip(1).ToArray());
    default:
        Console.Error.WriteLine("usage: density N [--log] | fetch [--sessions N] [--signins N] | verify N | decode N");
        return 2;
}
