using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cognito.Testing.SrpFront;

/// <summary>Tolerant reads of Cognito's JSON: a member that is absent, null or not a string reads as null.</summary>
internal static class JsonFields
{
    public static string? Str(this JsonObject? obj, string name) =>
        obj is not null && obj.TryGetPropertyValue(name, out var node) && node is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : null;

    public static string Required(this JsonObject? obj, string name) =>
        obj.Str(name) is { Length: > 0 } value ? value : throw CognitoFault.MissingParameter(name);

    public static JsonObject? Obj(this JsonObject? obj, string name) =>
        obj is not null && obj.TryGetPropertyValue(name, out var node) ? node as JsonObject : null;

    public static int? Int(this JsonObject? obj, string name) =>
        obj is not null && obj.TryGetPropertyValue(name, out var node) && node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number)
            ? number
            : null;

    public static bool Has(this JsonObject? obj, string name) => obj is not null && obj.ContainsKey(name);

    public static IEnumerable<string> Strings(this JsonObject? obj, string name) =>
        obj is not null && obj.TryGetPropertyValue(name, out var node) && node is JsonArray array
            ? array.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>())
            : [];

    /// <summary>Parses a request or response body; anything but a JSON object is a SerializationException, as AWS says.</summary>
    public static JsonObject ParseObject(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(body) as JsonObject ?? throw new CognitoFault("SerializationException", "The request body is not a JSON object.");
        }
        catch (JsonException)
        {
            throw new CognitoFault("SerializationException", "The request body is not valid JSON.");
        }
    }
}
