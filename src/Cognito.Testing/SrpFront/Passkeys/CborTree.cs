using System.Formats.Cbor;

namespace Cognito.Testing.SrpFront;

/// <summary>
/// A CBOR item read whole: integers as <see cref="long"/>, byte and text strings, arrays as lists,
/// maps as dictionaries keyed by long or string. Enough for attestation objects and COSE keys;
/// anything malformed is a <see cref="PasskeyFault"/>.
/// </summary>
internal static class CborTree
{
    /// <summary>The first item of <paramref name="cbor"/> and how many bytes it took (authenticator data may follow a COSE key with extensions).</summary>
    public static (object? Value, int Length) Read(ReadOnlyMemory<byte> cbor, string what)
    {
        try
        {
            var reader = new CborReader(cbor, CborConformanceMode.Lax, allowMultipleRootLevelValues: true);
            var value = ReadItem(reader, depth: 0);
            return (value, cbor.Length - reader.BytesRemaining);
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or OverflowException or FormatException)
        {
            throw new PasskeyFault($"{what} is not well-formed CBOR.");
        }
    }

    public static Dictionary<object, object?> Map(object? value, string what) =>
        value as Dictionary<object, object?> ?? throw new PasskeyFault($"{what} is not a CBOR map.");

    private static object? ReadItem(CborReader reader, int depth)
    {
        if (depth > 8)
        {
            throw new PasskeyFault("CBOR nested too deep.");
        }

        switch (reader.PeekState())
        {
            case CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger:
                return reader.ReadInt64();
            case CborReaderState.ByteString:
                return reader.ReadByteString();
            case CborReaderState.TextString:
                return reader.ReadTextString();
            case CborReaderState.Boolean:
                return reader.ReadBoolean();
            case CborReaderState.Null:
                reader.ReadNull();
                return null;
            case CborReaderState.StartArray:
                var items = new List<object?>();
                reader.ReadStartArray();
                while (reader.PeekState() != CborReaderState.EndArray)
                {
                    items.Add(ReadItem(reader, depth + 1));
                }

                reader.ReadEndArray();
                return items;
            case CborReaderState.StartMap:
                var map = new Dictionary<object, object?>();
                reader.ReadStartMap();
                while (reader.PeekState() != CborReaderState.EndMap)
                {
                    var key = ReadItem(reader, depth + 1) ?? throw new PasskeyFault("A CBOR map key is null.");
                    if (!map.TryAdd(key, ReadItem(reader, depth + 1)))
                    {
                        throw new PasskeyFault("A CBOR map repeats a key.");
                    }
                }

                reader.ReadEndMap();
                return map;
            default:
                reader.SkipValue();
                return null;
        }
    }
}
