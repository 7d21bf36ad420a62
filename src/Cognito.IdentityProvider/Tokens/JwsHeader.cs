using System.Text;
using System.Text.Json;

namespace Cognito.IdentityProvider.Tokens;

/// <summary>What a JWS header's <c>alg</c> says, as far as this verifier cares.</summary>
internal enum JwsAlgorithm
{
    /// <summary>No <c>alg</c>, a null or an empty one.</summary>
    Missing,

    /// <summary><c>none</c> in any letter case: an unsigned token.</summary>
    None,

    /// <summary>Exactly <c>RS256</c>.</summary>
    Rs256,

    /// <summary>Anything else.</summary>
    Other,
}

/// <summary>The members of a JWS header the verifier decides on; <see cref="Kid"/> is null when absent, null or empty.</summary>
internal readonly record struct JwsHeaderFields(JwsAlgorithm Algorithm, string? Kid, bool HasCritical);

/// <summary>
/// Reads a JWS header in one pass over its JSON, without building a document. Every occurrence of
/// a member is looked at, so a duplicate that another reader would take as the only one cannot hide
/// a <c>crit</c>; a second <c>alg</c> or <c>kid</c> makes the header malformed, since readers
/// disagree about which one counts.
/// </summary>
internal static class JwsHeader
{
    /// <summary>False when the JSON is not an object, or <c>alg</c>/<c>kid</c> is not a string (or null), or is named twice.</summary>
    /// <param name="kids">The pool's kids, so that a known kid comes back as the pool's own string instead of a new one.</param>
    public static bool TryRead(ReadOnlySpan<byte> json, Func<ReadOnlySpan<char>, string?> kids, out JwsHeaderFields fields)
    {
        fields = default;
        if (!System.Text.Unicode.Utf8.IsValid(json))
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            bool seenAlg = false, seenKid = false, critical = false;
            var algorithm = JwsAlgorithm.Missing;
            string? kid = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("alg"u8))
                {
                    if (seenAlg || !reader.Read() || !TryReadAlgorithm(ref reader, out algorithm))
                    {
                        return false;
                    }

                    seenAlg = true;
                }
                else if (reader.ValueTextEquals("kid"u8))
                {
                    if (seenKid || !reader.Read() || !TryReadKid(ref reader, kids, out kid))
                    {
                        return false;
                    }

                    seenKid = true;
                }
                else
                {
                    critical |= reader.ValueTextEquals("crit"u8);
                    reader.Read();
                    reader.Skip();
                }
            }

            // The loop ends at the object's end; anything after it (a second value) throws here.
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return false;
            }

            fields = new JwsHeaderFields(algorithm, kid, critical);
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    private static bool TryReadAlgorithm(ref Utf8JsonReader reader, out JwsAlgorithm algorithm)
    {
        algorithm = JwsAlgorithm.Missing;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        if (reader.ValueIsEscaped)
        {
            // Rare enough to pay for a string; the comparisons are then the plain ones.
            var text = reader.GetString()!;
            algorithm = text.Length == 0 ? JwsAlgorithm.Missing
                : text == "RS256" ? JwsAlgorithm.Rs256
                : text.Equals("none", StringComparison.OrdinalIgnoreCase) ? JwsAlgorithm.None
                : JwsAlgorithm.Other;
            return true;
        }

        var value = reader.ValueSpan;
        algorithm = value.Length == 0 ? JwsAlgorithm.Missing
            : value.SequenceEqual("RS256"u8) ? JwsAlgorithm.Rs256
            : Ascii.EqualsIgnoreCase(value, "none"u8) ? JwsAlgorithm.None
            : JwsAlgorithm.Other;
        return true;
    }

    private static bool TryReadKid(ref Utf8JsonReader reader, Func<ReadOnlySpan<char>, string?> kids, out string? kid)
    {
        kid = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        if (reader.ValueIsEscaped || reader.ValueSpan.Length > 256)
        {
            kid = reader.GetString();
        }
        else
        {
            Span<char> chars = stackalloc char[256];
            var length = Encoding.UTF8.GetChars(reader.ValueSpan, chars);
            kid = kids(chars[..length]) ?? new string(chars[..length]);
        }

        kid = kid is { Length: 0 } ? null : kid;
        return true;
    }
}
