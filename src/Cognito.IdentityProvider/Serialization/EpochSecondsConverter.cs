using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cognito.IdentityProvider.Serialization;

/// <summary>
/// JSON 1.1 timestamps: Cognito sends seconds since the epoch as a number (with a fraction).
/// An ISO-8601 string is accepted too, since emulators send that.
/// </summary>
internal sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                var seconds = reader.GetDouble();
                return DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
            case JsonTokenType.String:
                var text = reader.GetString();
                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
                {
                    return parsed;
                }

                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var secondsText))
                {
                    return DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(secondsText * TimeSpan.TicksPerSecond));
                }

                throw new JsonException("A timestamp is neither epoch seconds nor an ISO-8601 date.");
            default:
                throw new JsonException($"A timestamp cannot be a JSON {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds() / 1000m);
    }
}
