using System.Globalization;

namespace Cognito.EndToEnd.Tests.Support;

/// <summary>One <c>kind key=value key=value ...</c> line of the load client (the last value may hold spaces only for <c>message</c>).</summary>
public sealed record LoadLine(string Kind, IReadOnlyDictionary<string, string> Values)
{
    public long Long(string key) => long.Parse(Values[key], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    public string? this[string key] => Values.GetValueOrDefault(key);

    public static IEnumerable<LoadLine> Parse(IEnumerable<string> lines, string kind)
    {
        foreach (var line in lines)
        {
            var parts = line.Split(' ');
            if (parts[0] != kind)
            {
                continue;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var part in parts.Skip(1))
            {
                var equals = part.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    values[part[..equals]] = part[(equals + 1)..];
                }
            }

            yield return new LoadLine(kind, values);
        }
    }
}
