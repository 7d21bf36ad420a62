using System.Text.Json;

namespace Cognito.IdentityProvider.Authentication;

/// <summary>Reads the JSON-in-a-string lists that Cognito puts in challenge parameters.</summary>
internal static class ChallengeParameterReader
{
    public static IReadOnlyList<string> RequiredAttributes(IReadOnlyDictionary<string, string> parameters) =>
        JsonList(parameters, "requiredAttributes").Select(a => a.StartsWith("userAttributes.", StringComparison.Ordinal) ? a["userAttributes.".Length..] : a).ToList();

    public static IReadOnlyList<string> MfaChoices(IReadOnlyDictionary<string, string> parameters) =>
        [.. JsonList(parameters, "MFAS_CAN_CHOOSE"), .. JsonList(parameters, "MFAS_CAN_SETUP")];

    private static List<string> JsonList(IReadOnlyDictionary<string, string> parameters, string key)
    {
        if (!parameters.TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Array
                ? document.RootElement.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
