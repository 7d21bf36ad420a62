using System.Diagnostics;
using OpenTelemetry;

namespace Cognito.Silo.Telemetry;

/// <summary>
/// Orleans tags its grain-call spans with the grain ids (<c>orleans.rpc.target_id</c>, ...), and a
/// user grain's id holds the username (<c>cognitouser/{pool}/{username}</c>). Before such a span is
/// exported, every tag naming a user grain keeps the grain type and pool and loses the username.
/// Add it before the exporter.
/// </summary>
public sealed class GrainIdRedactor : BaseProcessor<Activity>
{
    private const string UserGrainType = "cognitouser/";
    private const string Redacted = "[redacted]";

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Source.Name.StartsWith(TelemetryHostExtensions.OrleansSourcePrefix, StringComparison.Ordinal))
        {
            Redact(data);
        }
    }

    private static void Redact(Activity span)
    {
        List<KeyValuePair<string, string>>? changes = null;
        foreach (var tag in span.TagObjects)
        {
            if (tag.Value is string text && text.Contains(UserGrainType, StringComparison.OrdinalIgnoreCase))
            {
                (changes ??= []).Add(new(tag.Key, RedactIds(text)));
            }
        }

        foreach (var (key, value) in changes ?? [])
        {
            span.SetTag(key, value);
        }
    }

    /// <summary>Each <c>cognitouser/{pool}/{username}</c> becomes <c>cognitouser/{pool}/[redacted]</c>; whatever follows the id up to a space or comma goes too.</summary>
    private static string RedactIds(string text)
    {
        var result = new System.Text.StringBuilder(text.Length);
        var at = 0;
        while (at < text.Length)
        {
            var start = text.IndexOf(UserGrainType, at, StringComparison.OrdinalIgnoreCase);
            if (start < 0)
            {
                result.Append(text, at, text.Length - at);
                break;
            }

            var pool = start + UserGrainType.Length;
            var slash = text.IndexOf('/', pool);
            var end = text.IndexOfAny([' ', ',', ']', ')'], pool);
            end = end < 0 ? text.Length : end;
            var keep = slash >= 0 && slash < end ? slash + 1 : pool;
            result.Append(text, at, keep - at).Append(Redacted);
            at = end;
        }

        return result.ToString();
    }
}
