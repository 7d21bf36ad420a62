using System.Buffers.Text;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Cognito.IdentityProvider.Tokens;

/// <summary>
/// The claims of a JWT payload, read with System.Text.Json so that every check works on one
/// reading of the signed bytes. Duplicate claim names make the payload malformed, so no two
/// readers can disagree about which value counts.
/// </summary>
internal sealed class TokenPayload
{
    private readonly Dictionary<string, JsonElement> _claims;

    private TokenPayload(Dictionary<string, JsonElement> claims) => _claims = claims;

    public static bool TryParse(ReadOnlySpan<char> encodedPayload, [NotNullWhen(true)] out TokenPayload? payload)
    {
        payload = null;
        byte[] json;
        try
        {
            json = Base64Url.DecodeFromChars(encodedPayload);
        }
        catch (FormatException)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            var claims = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!claims.TryAdd(property.Name, property.Value.Clone()))
                {
                    return false;
                }
            }

            payload = new TokenPayload(claims);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public bool Has(string name) => _claims.ContainsKey(name);

    /// <summary>The claim when it is a string; null when absent. False when present with another type.</summary>
    public bool TryGetString(string name, out string? value)
    {
        value = null;
        if (!_claims.TryGetValue(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        value = element.GetString();
        return true;
    }

    /// <summary>
    /// A NumericDate claim (seconds since the epoch, possibly fractional); null when absent. False
    /// when present with another type, or outside 1970 to 9999-12-31T23:59:59.9999999Z: no Cognito
    /// token is dated before its epoch, and no DateTimeOffset holds a time after 9999.
    /// </summary>
    public bool TryGetTime(string name, out DateTimeOffset? value)
    {
        value = null;
        if (!_claims.TryGetValue(name, out var element))
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out var seconds))
        {
            return false;
        }

        if (!NumericDate.TryFromSeconds(seconds, out var instant))
        {
            return false;
        }

        value = instant;
        return true;
    }

    /// <summary>A claim that is a string or an array of strings (as <c>aud</c> may be); empty when absent. False for any other shape.</summary>
    public bool TryGetStrings(string name, out IReadOnlyList<string> values)
    {
        values = [];
        if (!_claims.TryGetValue(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind == JsonValueKind.String)
        {
            values = [element.GetString()!];
            return true;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var list = new List<string>();
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            list.Add(item.GetString()!);
        }

        values = list.AsReadOnly();
        return true;
    }

    /// <summary>Every claim as a string: strings as they are, anything else (numbers, arrays, objects) as its JSON text.</summary>
    public IReadOnlyDictionary<string, string> ToStringDictionary() =>
        new ReadOnlyDictionary<string, string>(_claims.ToDictionary(
            c => c.Key,
            c => c.Value.ValueKind == JsonValueKind.String ? c.Value.GetString()! : c.Value.GetRawText(),
            StringComparer.Ordinal));
}
