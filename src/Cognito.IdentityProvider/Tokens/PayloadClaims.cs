using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Cognito.IdentityProvider.Tokens;

/// <summary>The claims the verifier decides on, by their slot in <see cref="PayloadClaims"/>.</summary>
internal enum Claim
{
    TokenUse, Issuer, Audience, ClientId, Expires, IssuedAt, NotBefore, Subject,
    CognitoUsername, Username, Groups, Scope, AtHash, OriginJti, Jti, EventId,
}

/// <summary>
/// One pass of <see cref="Utf8JsonReader"/> over a decoded JWT payload: it checks that the payload
/// is one JSON object with distinct claim names (so no two readers can disagree about which value
/// counts) and remembers where the value of each claim the verifier needs starts and ends. A claim
/// is only turned into a string when it is read, and only the claims that are read are looked at
/// for their type, in the order the verifier reads them, as <see cref="TokenPayload"/> does.
/// </summary>
internal ref struct PayloadClaims
{
    private const int ClaimCount = 16;
    private const int MaxNamesComparedInPlace = 64;

    private readonly ReadOnlySpan<byte> _json;
    private Slots _slots;

    private PayloadClaims(ReadOnlySpan<byte> json) => _json = json;

    /// <summary>The outcome of reading a payload.</summary>
    public enum Shape
    {
        /// <summary>One JSON object, every claim named once.</summary>
        Valid,

        /// <summary>Not UTF-8 JSON, or not an object.</summary>
        NotAnObject,

        /// <summary>An object that names some claim twice.</summary>
        DuplicateName,
    }

    public static Shape Read(ReadOnlySpan<byte> json, out PayloadClaims claims)
    {
        claims = new PayloadClaims(json);
        if (!System.Text.Unicode.Utf8.IsValid(json))
        {
            return Shape.NotAnObject;
        }

        Span<long> names = stackalloc long[MaxNamesComparedInPlace];
        var count = 0;
        var compareAsStrings = false;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return Shape.NotAnObject;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var slot = reader.ValueIsEscaped ? SlotOf(reader.GetString()!) : SlotOf(reader.ValueSpan);
                if (reader.ValueIsEscaped || count == MaxNamesComparedInPlace)
                {
                    compareAsStrings = true;
                }
                else if (!compareAsStrings)
                {
                    var start = (int)reader.TokenStartIndex + 1;
                    var name = reader.ValueSpan;
                    for (var i = 0; i < count; i++)
                    {
                        if (json.Slice((int)(names[i] >> 32), (int)names[i]).SequenceEqual(name))
                        {
                            return Shape.DuplicateName;
                        }
                    }

                    names[count++] = ((long)start << 32) | (uint)name.Length;
                }

                reader.Read();
                var valueStart = (int)reader.TokenStartIndex;
                reader.Skip();
                if (slot >= 0)
                {
                    claims._slots[slot] = new Slot(valueStart, (int)reader.BytesConsumed - valueStart);
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return Shape.NotAnObject;
            }
        }
        catch (JsonException)
        {
            return Shape.NotAnObject;
        }

        return compareAsStrings && HasDuplicateNames(json) ? Shape.DuplicateName : Shape.Valid;
    }

    /// <summary>Whether the claim is there with a JSON null or not at all.</summary>
    public readonly bool IsAbsentOrNull(Claim claim) => !TryValue(claim, out var reader) || reader.TokenType == JsonTokenType.Null;

    /// <summary>The claim when it is a string; null when absent or null. False when present with another type.</summary>
    public readonly bool TryGetString(Claim claim, out string? value)
    {
        value = null;
        if (!TryValue(claim, out var reader) || reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        value = reader.GetString();
        return true;
    }

    /// <summary>Whether the claim is the string <paramref name="utf8"/>; null when it is present but not a string.</summary>
    public readonly bool? StringEquals(Claim claim, ReadOnlySpan<byte> utf8)
    {
        if (!TryValue(claim, out var reader) || reader.TokenType == JsonTokenType.Null)
        {
            return false;
        }

        return reader.TokenType == JsonTokenType.String ? reader.ValueTextEquals(utf8) : null;
    }

    /// <summary>A NumericDate claim; null when absent. False when present with another type or out of range (see <see cref="NumericDate"/>).</summary>
    public readonly bool TryGetTime(Claim claim, out DateTimeOffset? value)
    {
        value = null;
        if (!TryValue(claim, out var reader))
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var seconds) || !NumericDate.TryFromSeconds(seconds, out var instant))
        {
            return false;
        }

        value = instant;
        return true;
    }

    /// <summary>A string or an array of strings; empty when absent or null. False for any other shape.</summary>
    public readonly bool TryGetStrings(Claim claim, out IReadOnlyList<string> values)
    {
        values = [];
        if (!TryValue(claim, out var reader) || reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            values = [reader.GetString()!];
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var list = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                return false;
            }

            list.Add(reader.GetString()!);
        }

        values = list.AsReadOnly();
        return true;
    }

    /// <summary>
    /// The first entry of a string-or-array-of-strings claim that is one of <paramref name="clients"/>,
    /// as the set's own string (no copy is made); null when none is. False for any other shape, even
    /// when an earlier entry matched.
    /// </summary>
    public readonly bool TryFindClient(Claim claim, FrozenSet<string> clients, out string? match)
    {
        match = null;
        if (!TryValue(claim, out var reader) || reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            match = Lookup(ref reader, clients);
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                match = null;
                return false;
            }

            match ??= Lookup(ref reader, clients);
        }

        return true;
    }

    private static string? Lookup(ref Utf8JsonReader reader, FrozenSet<string> clients)
    {
        if (reader.ValueIsEscaped || reader.ValueSpan.Length > 128)
        {
            return clients.TryGetValue(reader.GetString()!, out var found) ? found : null;
        }

        Span<char> chars = stackalloc char[128];
        var length = Encoding.UTF8.GetChars(reader.ValueSpan, chars);
        return clients.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(chars[..length], out var client) ? client : null;
    }

    private readonly bool TryValue(Claim claim, out Utf8JsonReader reader)
    {
        var slot = _slots[(int)claim];
        if (slot.Length == 0)
        {
            reader = default;
            return false;
        }

        reader = new Utf8JsonReader(_json.Slice(slot.Start, slot.Length));
        reader.Read();
        return true;
    }

    private static int SlotOf(ReadOnlySpan<byte> name) => name.Length switch
    {
        3 when name.SequenceEqual("iss"u8) => (int)Claim.Issuer,
        3 when name.SequenceEqual("aud"u8) => (int)Claim.Audience,
        3 when name.SequenceEqual("exp"u8) => (int)Claim.Expires,
        3 when name.SequenceEqual("iat"u8) => (int)Claim.IssuedAt,
        3 when name.SequenceEqual("nbf"u8) => (int)Claim.NotBefore,
        3 when name.SequenceEqual("sub"u8) => (int)Claim.Subject,
        3 when name.SequenceEqual("jti"u8) => (int)Claim.Jti,
        5 when name.SequenceEqual("scope"u8) => (int)Claim.Scope,
        7 when name.SequenceEqual("at_hash"u8) => (int)Claim.AtHash,
        8 when name.SequenceEqual("username"u8) => (int)Claim.Username,
        8 when name.SequenceEqual("event_id"u8) => (int)Claim.EventId,
        9 when name.SequenceEqual("token_use"u8) => (int)Claim.TokenUse,
        9 when name.SequenceEqual("client_id"u8) => (int)Claim.ClientId,
        10 when name.SequenceEqual("origin_jti"u8) => (int)Claim.OriginJti,
        14 when name.SequenceEqual("cognito:groups"u8) => (int)Claim.Groups,
        16 when name.SequenceEqual("cognito:username"u8) => (int)Claim.CognitoUsername,
        _ => -1,
    };

    private static int SlotOf(string name)
    {
        Span<byte> utf8 = stackalloc byte[32];
        return Encoding.UTF8.TryGetBytes(name, utf8, out var length) ? SlotOf(utf8[..length]) : -1;
    }

    /// <summary>The slow way, for payloads with escaped or very many claim names.</summary>
    private static bool HasDuplicateNames(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!seen.Add(reader.GetString()!))
            {
                return true;
            }

            reader.Read();
            reader.Skip();
        }

        return false;
    }

    private readonly record struct Slot(int Start, int Length);

    [InlineArray(ClaimCount)]
    private struct Slots
    {
        private Slot _element;
    }
}
