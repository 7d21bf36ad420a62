namespace Cognito.Silo;

/// <summary>
/// The silo's own switches, taken out before the rest reach configuration: <c>--local</c> (the
/// quick start), <c>--data DIR</c> / <c>--data=DIR</c> (where local mode keeps its data) and <c>--web</c>
/// (local mode also starts the sample web app beside the silo).
/// </summary>
internal sealed record LocalArguments(bool Local, string? DataDirectory, string[] Remaining, string? Error, bool Web = false)
{
    public static LocalArguments Parse(string[] args)
    {
        var local = false;
        var web = false;
        string? data = null;
        var remaining = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--local":
                    local = true;
                    break;
                case "--web":
                    web = true;
                    break;
                case "--data" when i + 1 < args.Length:
                    data = args[++i];
                    break;
                case "--data":
                    return new LocalArguments(local, null, [], "--data needs a directory: --data DIR.");
                case var arg when arg.StartsWith("--data=", StringComparison.Ordinal):
                    data = arg["--data=".Length..];
                    break;
                default:
                    remaining.Add(args[i]);
                    break;
            }
        }

        var error = data is not null && !local ? "--data applies to local mode only: add --local."
            : web && !local ? "--web applies to local mode only: add --local."
            : null;
        return new LocalArguments(local, data, [.. remaining], error, web);
    }
}
