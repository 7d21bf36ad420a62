using System.Buffers;
using System.Buffers.Text;
using System.Collections;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace Cognito.IdentityProvider.Tokens;

/// <summary>
/// The dictionary behind <see cref="VerifiedCognitoToken.Claims"/>: every claim of a verified payload
/// as a string (strings as they are, anything else as its JSON text), built from the token on first
/// use. Most callers read the typed members and never touch it, so a verification does not pay for a
/// dictionary and a string per claim up front. It is handed out inside a
/// <see cref="ReadOnlyDictionary{TKey, TValue}"/>, the type it always was, so serializers that know
/// that type (Orleans copies it between grains) keep working. Thread-safe; a race may build it twice
/// and keep one.
/// </summary>
internal sealed class LazyClaims : IDictionary<string, string>
{
    private readonly string _token;
    private readonly int _payloadStart;
    private readonly int _payloadLength;
    private Dictionary<string, string>? _claims;

    /// <param name="token">A token whose payload was already read as one JSON object with distinct, UTF-8 claim names.</param>
    private LazyClaims(string token, int payloadStart, int payloadLength)
    {
        _token = token;
        _payloadStart = payloadStart;
        _payloadLength = payloadLength;
    }

    public int Count => Claims.Count;

    public bool IsReadOnly => true;

    public ICollection<string> Keys => Claims.Keys;

    public ICollection<string> Values => Claims.Values;

    private Dictionary<string, string> Claims => _claims ?? Interlocked.CompareExchange(ref _claims, Build(), null) ?? _claims;

    public string this[string key]
    {
        get => Claims[key];
        set => throw ReadOnly();
    }

    public static ReadOnlyDictionary<string, string> For(string token, int payloadStart, int payloadLength) =>
        new(new LazyClaims(token, payloadStart, payloadLength));

    public bool ContainsKey(string key) => Claims.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value) => Claims.TryGetValue(key, out value);

    public bool Contains(KeyValuePair<string, string> item) => ((ICollection<KeyValuePair<string, string>>)Claims).Contains(item);

    public void CopyTo(KeyValuePair<string, string>[] array, int arrayIndex) => ((ICollection<KeyValuePair<string, string>>)Claims).CopyTo(array, arrayIndex);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => Claims.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void Add(string key, string value) => throw ReadOnly();

    public void Add(KeyValuePair<string, string> item) => throw ReadOnly();

    public bool Remove(string key) => throw ReadOnly();

    public bool Remove(KeyValuePair<string, string> item) => throw ReadOnly();

    public void Clear() => throw ReadOnly();

    private static NotSupportedException ReadOnly() => new("The claims of a verified token cannot be changed.");

    private Dictionary<string, string> Build()
    {
        var encoded = _token.AsSpan(_payloadStart, _payloadLength);
        var buffer = ArrayPool<byte>.Shared.Rent(Base64Url.GetMaxDecodedLength(encoded.Length));
        try
        {
            var json = buffer.AsSpan(0, Base64Url.DecodeFromChars(encoded, buffer));
            var claims = new Dictionary<string, string>(StringComparer.Ordinal);
            var reader = new Utf8JsonReader(json);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    claims[name] = reader.GetString()!;
                    continue;
                }

                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                claims[name] = Encoding.UTF8.GetString(json[start..(int)reader.BytesConsumed]);
            }

            return claims;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
